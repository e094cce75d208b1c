import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import type { Summary } from '../report/summary.ts';
import { sourceCli } from './source-cli.ts';

/** This checkout's sources (bin/terse.js would run whatever dist/ a last build left). */
const terseCli = sourceCli(environment.projectRoot);
const traces = path.join(environment.projectRoot, 'traces', 'local');
const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-replay-shards-'));

function terse(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [...terseCli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', TERSE_REPORTS_DIR: path.join(dir, 'reports') },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const summaryOf = (out: string): Summary => JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as Summary;

/** Every figure but the run's context and the latency percentiles (clock readings). */
function figures(summary: Summary): unknown {
  const { run: _run, results, ...rest } = summary;
  return { ...rest, results: results.map(({ p50_ms: _p50, p95_ms: _p95, ...row }) => row) };
}

describe('terse replay of the recorded local sessions, in shards', () => {
  it('merges two streamed shards into the report the whole replay writes', () => {
    const whole = terse(['replay', traces, '--config', 'balanced', '--workers', '2', '--out', path.join(dir, 'whole')]);
    expect(whole.stderr).toMatch(/derived \d+ probes/);
    expect(whole.status).toBe(0);
    for (const index of [1, 2]) {
      const shard = terse([
        'replay',
        traces,
        '--config',
        'balanced',
        '--workers',
        '1',
        '--shard',
        `${index}/2`,
        '--out',
        path.join(dir, `shard-${index}`),
      ]);
      expect(shard.status).toBe(0);
      expect(shard.stderr).toContain(`shard ${index}/2: 6 of 12 traces`);
    }
    const merged = terse([
      'merge',
      path.join(dir, 'shard-1'),
      path.join(dir, 'shard-2'),
      '--out',
      path.join(dir, 'merged'),
    ]);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toContain('| balanced |');
    expect(figures(summaryOf(path.join(dir, 'merged')))).toEqual(figures(summaryOf(path.join(dir, 'whole'))));
  });

  it('refuses a shard that gets no traces, in one line', () => {
    const run = terse([
      'replay',
      path.join(traces, 'local-sre-npm-offline-install.jsonl'),
      '--shard',
      '2/2',
      '--out',
      path.join(dir, 'empty'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^terse: .*--shard 2\/2 gets no traces: the files hold 1$/);
  });
});
