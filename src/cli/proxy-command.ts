/**
 * `terse proxy [--port 8787] [--host 127.0.0.1] [--profile balanced] [--store memory|duckdb:PATH|redis://…]
 * [--record DIR] [--anthropic-upstream URL] [--openai-upstream URL]`: serves until SIGINT or SIGTERM.
 */
import type { TokenizerName } from '../tokenize/tokenizer-name.ts';
import { ConfigError } from '../errors.ts';
import { createEngine } from '../engine/create-engine.ts';
import { createProxy } from '../proxy/create-proxy.ts';
import { startProxy, type RunningProxy } from '../proxy/start-proxy.ts';
import { openStore } from '../store/open-store.ts';
import type { Profile } from '../types.ts';

export interface ProxyCommandOptions {
  readonly port: number;
  readonly host: string;
  readonly profile: Profile;
  readonly store: string;
  readonly record?: string;
  readonly anthropicUpstream: string;
  readonly openaiUpstream: string;
  readonly tokenizer: TokenizerName;
  /** Compress every block not yet decided, not only the newest turn's. @default false */
  readonly compressHistory?: boolean;
}

function upstream(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(flag, `${JSON.stringify(value)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(flag, `${value} is not http(s)`);
  return value;
}

/** Starts the proxy and resolves with the exit code once a signal stopped it. */
export async function proxyCommand(options: ProxyCommandOptions): Promise<number> {
  const anthropicUpstream = upstream('--anthropic-upstream', options.anthropicUpstream);
  const openaiUpstream = upstream('--openai-upstream', options.openaiUpstream);
  const store = await openStore(options.store);
  let running: RunningProxy;
  try {
    const setup = await createEngine({ profile: options.profile, store, tokenizer: options.tokenizer });
    const log = (line: string): void => void process.stderr.write(`${line}\n`);
    const proxy = createProxy(setup, {
      anthropicUpstream,
      openaiUpstream,
      recordDir: options.record ?? null,
      log,
      liveZoneOnly: options.compressHistory !== true,
    });
    running = await startProxy(proxy, { port: options.port, hostname: options.host }).catch(
      (error: NodeJS.ErrnoException) => {
        throw new ConfigError(
          '--port',
          error.code === 'EADDRINUSE' ? `${options.host}:${options.port} is in use` : error.message,
        );
      },
    );
  } catch (error) {
    await store.close();
    throw error;
  }
  process.stderr.write(
    `terse proxy listening on ${running.url} (profile ${options.profile}, store ${options.store.replace(/\/\/[^@/]*@/, '//***@')}` +
      `${options.record === undefined ? '' : `, recording to ${options.record}`})\n` +
      `  anthropic -> ${anthropicUpstream}\n  openai    -> ${openaiUpstream}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await running.close();
  await store.close();
  return 0;
}
