import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { sourceCli } from './source-cli.ts';

const terseCli = sourceCli(environment.projectRoot);

describe('terse proxy', () => {
  it('listens, answers /healthz, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [...terseCli, 'proxy', '--port', '0', '--anthropic-upstream', 'http://127.0.0.1:9'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${String(code)}: ${stderr}`)));
    });
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('anthropic -> http://127.0.0.1:9');
  });

  it('names a store it cannot open in one line', () => {
    const run = spawnSync(process.execPath, [...terseCli, 'proxy', '--port', '0', '--store', 'sqlite:x.db'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'terse: config store: "sqlite:x.db" is not memory, files:DIR, duckdb:PATH or redis://HOST:PORT',
    ]);
  });
});
