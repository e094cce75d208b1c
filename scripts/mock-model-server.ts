/**
 * Runs the mock model server (src/testkit/live/mock-model/) until interrupted, for trying `--live`
 * without a provider: `npx tsx scripts/mock-model-server.ts [port]` prints the base URLs to use.
 */
import { startMockModelServer } from '../src/testkit/live/mock-model/mock-model-server.ts';

const port = process.argv[2] === undefined ? 0 : Number(process.argv[2]);
if (!Number.isInteger(port) || port < 0) {
  process.stderr.write('usage: tsx scripts/mock-model-server.ts [port]\n');
  process.exit(2);
}
const server = await startMockModelServer({ port });
process.stdout.write(
  `mock model: --base-url ${server.url} (Anthropic), --base-url ${server.openaiBaseUrl} (--provider openai)\n`,
);
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
