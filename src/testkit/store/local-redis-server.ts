/**
 * A throwaway redis-server on a free loopback port, for tests: no persistence, stopped by its pid.
 * Where the binary is absent (a machine without Debian's redis-server) it says so instead of failing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A running server, or why there is none. */
export type LocalRedis =
  | { readonly available: true; readonly url: string; stop(): Promise<void> }
  | { readonly available: false; readonly reason: string };

const BINARY = 'redis-server';

/** True when redis-server can be run here; checked once, synchronously, so a test file can `skipIf` on it. */
export function redisServerMissingReason(): string | null {
  const probe = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0 ? null : `${BINARY} not found (install Debian's redis-server)`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function waitReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${BINARY} exited with ${String(code)}: ${output.slice(-500)}`)));
  });
}

/** Starts a redis-server on 127.0.0.1 (retrying on another port if the chosen one was taken meanwhile). */
export async function startLocalRedis(): Promise<LocalRedis> {
  const missing = redisServerMissingReason();
  if (missing !== null) return { available: false, reason: missing };
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      BINARY,
      ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--loglevel', 'notice'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      await waitReady(child);
    } catch (error) {
      lastError = error;
      child.kill('SIGKILL');
      continue;
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return {
      available: true,
      url: `redis://127.0.0.1:${port}`,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
