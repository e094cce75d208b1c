/**
 * The bench's proxy process: wired as `terse proxy` wires it (same engine, store, options, a log line
 * per request to stderr), plus one thing the CLI must not have: asked over IPC, it collects garbage
 * fully and reports its memory, so the load test reads live heap rather than heap plus garbage.
 * Run with `node --expose-gc --import tsx`; argv: the upstream URL.
 */
import { createEngine } from '../../src/engine/create-engine.ts';
import { createProxy } from '../../src/proxy/create-proxy.ts';
import { startProxy } from '../../src/proxy/start-proxy.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';

const upstream = process.argv[2] ?? '';
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined || process.send === undefined) throw new Error('run with --expose-gc and an IPC channel');
const store = createMemoryStore();
const proxy = createProxy(await createEngine({ profile: 'balanced', store }), {
  anthropicUpstream: upstream,
  openaiUpstream: upstream,
  log: (line) => void process.stderr.write(`${line}\n`),
});
const running = await startProxy(proxy, { port: 0 });

process.on('message', (message: unknown) => {
  if (message === 'memory') {
    gc();
    gc();
    const usage = process.memoryUsage();
    process.send?.({
      heapUsed: usage.heapUsed,
      rss: usage.rss,
      sessions: proxy.sessions.size,
      sessionBytes: proxy.sessions.bytes,
      storeBytes: store.bytes,
    });
  } else if (message === 'stop') {
    void running
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  }
});
process.send({ url: running.url });
