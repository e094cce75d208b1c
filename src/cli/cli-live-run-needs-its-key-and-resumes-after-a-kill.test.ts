import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { sourceCli } from './source-cli.ts';
import { startMockModelServer, type MockModelServer } from '../testkit/live/mock-model/mock-model-server.ts';
import type { Summary } from '../report/summary.ts';

const terseCli = sourceCli(environment.projectRoot);
const traces = path.join(environment.projectRoot, 'traces', 'local');
const TRACE = path.join(traces, 'local-code-search-grammar-rules.jsonl');
const PROBES = path.join(traces, 'local-code-search-grammar-rules.probes.jsonl');

interface Finished {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the CLI without blocking this process, whose event loop serves the mock model. */
function start(args: readonly string[], env: Record<string, string | undefined>, cwd: string) {
  const child = spawn(process.execPath, [...terseCli, ...args], {
    cwd,
    env: { ...process.env, CI: 'true', TERSE_REPORTS_DIR: path.join(cwd, 'reports'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  );
  return { child, finished };
}

function withoutKeys(): Record<string, undefined> {
  return { ANTHROPIC_API_KEY: undefined, OPENAI_API_KEY: undefined };
}

describe('terse replay --live', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-cli-live-'));
  let mock: MockModelServer;
  beforeAll(async () => {
    mock = await startMockModelServer();
  });
  afterAll(() => mock.close());

  it('without ANTHROPIC_API_KEY fails at once with one line saying what to set, and writes nothing', async () => {
    const out = path.join(dir, 'no-key');
    const { status, stdout, stderr } = await start(
      ['replay', TRACE, '-p', PROBES, '--live', '--yes', '--base-url', mock.url, '--out', out],
      withoutKeys(),
      dir,
    ).finished;
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'terse: --live asks an Anthropic model and has no key: set ANTHROPIC_API_KEY (or --provider openai --base-url URL for an OpenAI-compatible server)',
    ]);
    expect(existsSync(out)).toBe(false);
    expect(mock.requests).toHaveLength(0);
  });

  it('with --provider openai and no --base-url, asks for OPENAI_API_KEY in one line', async () => {
    const { status, stderr } = await start(
      ['replay', TRACE, '--live', '--provider', 'openai', '--out', path.join(dir, 'no-openai-key')],
      withoutKeys(),
      dir,
    ).finished;
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^terse: .*set OPENAI_API_KEY/)]);
  });

  it('prints the estimated cost and runs nothing until --yes confirms it', async () => {
    const out = path.join(dir, 'unconfirmed');
    const { status, stderr } = await start(
      [
        'replay',
        TRACE,
        '-p',
        PROBES,
        '--live',
        '--base-url',
        mock.url,
        '--cache-dir',
        path.join(dir, 'cache-unconfirmed'),
        '--out',
        out,
      ],
      { ANTHROPIC_API_KEY: 'test-key' },
      dir,
    ).finished;
    expect(status).toBe(2);
    // No --config: the five default configurations x 8 probes at their first scoring points.
    expect(stderr).toContain('through none, lossless, balanced, aggressive, drop-all (baseline)');
    expect(stderr).toMatch(
      /40 answers from anthropic claude-haiku-4-5 \(anthropic-form traces\), [\d,]+ input tokens before compression \(o200k_base\): about \$[\d.]+ if each answer takes one call, at most \$[\d.]+ if each uses every round/,
    );
    expect(stderr.trim().split('\n').at(-1)).toMatch(
      /^terse: live run estimated at most \$[\d.]+; re-run with --yes to confirm$/,
    );
    expect(existsSync(out)).toBe(false);
    expect(mock.requests).toHaveLength(0);
  });

  it('resumes a killed run from the response cache, sending no answered request twice', async () => {
    const cache = path.join(dir, 'cache-killed');
    const out = path.join(dir, 'resumed');
    const args = [
      'replay',
      TRACE,
      '-p',
      PROBES,
      '-c',
      'balanced',
      '--live',
      '--yes',
      '--concurrency',
      '1',
      '--base-url',
      mock.url,
      '--cache-dir',
      cache,
      '--out',
      out,
    ];
    const env = { ANTHROPIC_API_KEY: 'test-key' };
    const before = mock.requests.length;
    mock.hangAfter(5);
    const killed = start(args, env, dir);
    await mock.whenHanging();
    killed.child.kill('SIGKILL');
    const first = await killed.finished;
    expect(first.status).toBe(null);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
    const paid = new Set(
      mock.requests
        .slice(before)
        .filter((request) => request.served === 'answered')
        .map((request) => request.key),
    );
    expect(paid.size).toBe(5);

    mock.hangAfter(null);
    const resumedFrom = mock.requests.length;
    const second = await start(args, env, dir).finished;
    expect(second.stderr).toMatch(/live: 16 answers, \d+ model calls from the response cache/);
    expect(second.status).toBe(0);
    const sentAgain = mock.requests.slice(resumedFrom).filter((request) => paid.has(request.key));
    expect(sentAgain).toEqual([]);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as Summary;
    expect(summary.live?.probes.filter((row) => row.state === 'answered')).toHaveLength(16);
    expect(summary.live?.comparisons.map((c) => c.config)).toEqual(['balanced']);
    expect(second.stdout).toMatch(/\| config vs none \|/);
  });
});
