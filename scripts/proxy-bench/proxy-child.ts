/** The proxy under test in its own process, so its latency and memory are its own (see proxy-child-main.ts). */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Live memory of the proxy process after a full collection. */
export interface ProxyMemory {
  readonly heapUsed: number;
  readonly rss: number;
  readonly sessions: number;
  readonly sessionBytes: number;
  /** UTF-8 bytes of the originals the memory store holds (bounded by its maxBytes). */
  readonly storeBytes: number;
}

/** A running proxy child. */
export interface ProxyChild {
  readonly url: string;
  /** `/stats` as JSON. */
  stats(): Promise<ProxyStatsJson>;
  /** Collects garbage in the child, then reads its memory. */
  memory(): Promise<ProxyMemory>;
  stop(): Promise<void>;
}

/** The parts of `/stats` the bench reads. */
export interface ProxyStatsJson {
  readonly requests: Record<string, number>;
  readonly responses: Record<string, number>;
  readonly sessions: number;
  readonly tokens: { readonly before: number; readonly after: number };
  readonly engine_ms: { readonly samples: number; readonly p50: number | null; readonly p95: number | null };
  readonly count_ms: { readonly samples: number; readonly p50: number | null; readonly p95: number | null };
  readonly memory: { readonly rss_bytes: number; readonly heap_used_bytes: number };
  readonly failures: Record<string, number>;
}

/** Starts the proxy with both upstreams at `upstream`. */
export async function startProxyChild(upstream: string): Promise<ProxyChild> {
  const main = fileURLToPath(new URL('./proxy-child-main.ts', import.meta.url));
  const child: ChildProcess = fork(main, [upstream], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // The per-request log lines are read and dropped, as a terminal would show them.
  child.stderr?.resume();
  const replies: ((message: unknown) => void)[] = [];
  child.on('message', (message) => replies.shift()?.(message));
  const next = <T>(): Promise<T> => new Promise((resolve) => replies.push((message) => resolve(message as T)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = next<{ url: string }>();
  const url = (
    await Promise.race([
      started,
      exited.then(() => Promise.reject(new Error('the proxy child exited before listening'))),
    ])
  ).url;
  return {
    url,
    stats: async () => (await (await fetch(`${url}/stats`)).json()) as ProxyStatsJson,
    memory() {
      const reply = next<ProxyMemory>();
      child.send('memory');
      return reply;
    },
    async stop() {
      child.send('stop');
      await exited;
    },
  };
}
