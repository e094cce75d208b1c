import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { BUILTIN_CONFIG_NAMES } from '../bench/builtin-config-names.ts';
import { readStdin } from './stdin-input.ts';
import { sourceCli } from './source-cli.ts';
import { UsageError } from '../errors.ts';
import { loadTrace } from '../bench/importers/load-session.ts';
import { toolOutputs } from '../bench/derive/tool-outputs.ts';

const terseCli = sourceCli(environment.projectRoot);
const TRACE = path.join(environment.projectRoot, 'traces', 'local', 'local-sre-node-runtime-failures.jsonl');
const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-cli-usage-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function terse(args: readonly string[], input?: string): Ran {
  const run = spawnSync(process.execPath, [...terseCli, ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: {
      ...process.env,
      CI: 'true',
      TERSE_REPORTS_DIR: path.join(dir, 'reports'),
      TERSE_STORE: path.join(dir, 'store'),
    },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('terse usage', () => {
  it('prints its version from package.json and exits 0', () => {
    const version = (
      JSON.parse(readFileSync(path.join(environment.projectRoot, 'package.json'), 'utf8')) as { version: string }
    ).version;
    expect(terse(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('answers an unknown option with one line and the help to read, exit 2, not the whole help', () => {
    const ran = terse(['replay', TRACE, '--confg', 'balanced']);
    expect(ran.status).toBe(2);
    expect(ran.stderr.trim().split('\n')).toEqual([
      "terse: unknown option '--confg' (Did you mean --config?)",
      'hint: see `terse replay --help`',
    ]);
    expect(ran.stdout).toBe('');
  });

  it('answers a missing argument of a nested command the same way', () => {
    const ran = terse(['probes', 'check']);
    expect(ran.status).toBe(2);
    expect(ran.stderr.trim().split('\n')).toEqual([
      "terse: missing required argument 'probes'",
      'hint: see `terse probes check --help`',
    ]);
  });

  it('lists the built-in configurations, the suites and the exit codes in --help', () => {
    const bench = terse(['bench', '--help']);
    expect(bench.status).toBe(0);
    for (const name of BUILTIN_CONFIG_NAMES) expect(bench.stdout).toContain(name);
    expect(bench.stdout).toMatch(/Suites: .*headroom.*local/);
    expect(terse(['--help']).stdout).toContain(
      'Exit codes: 0 ok, 1 a regression or failed check, 2 bad input or usage',
    );
  });
});

describe('- for stdin and stdout, and no overwriting without --force', () => {
  const out = path.join(dir, 'imported.jsonl');

  it('imports stdin to stdout', () => {
    const ran = terse(['import', '-', '-o', '-'], readFileSync(TRACE, 'utf8'));
    expect(ran.status).toBe(0);
    expect(ran.stdout.split('\n')[0]).toContain('"id":"local-sre-node-runtime-failures"');
    expect(ran.stderr).toContain('-> stdout');
    expect(existsSync(path.join(dir, '-'))).toBe(false);
  });

  it('refuses to overwrite an import target, and overwrites it with --force', () => {
    writeFileSync(out, 'keep me\n');
    const refused = terse(['import', TRACE, '-o', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toBe(`terse: --out ${out}: exists; add --force to overwrite it`);
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    expect(terse(['import', TRACE, '-o', out, '--force']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('local-sre-node-runtime-failures');
  });

  it('refuses a --out folder holding a report before replaying anything', () => {
    const report = path.join(dir, 'old-report');
    mkdirSync(report);
    writeFileSync(path.join(report, 'summary.json'), '{}');
    const ran = terse(['replay', TRACE, '--out', report]);
    expect(ran.status).toBe(2);
    expect(ran.stderr).not.toContain('replaying');
    expect(ran.stderr.trim()).toBe(
      `terse: ${report}: already holds a complete report; refusing to overwrite stored results`,
    );
  });

  it('refuses to wait on a terminal for stdin', async () => {
    const error = await readStdin(true, 'cmd | terse compress').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(
      '-: stdin is a terminal; give a file, or pipe into it (cmd | terse compress)',
    );
  });

  it('compresses stdin and lists each marker ref once, with how often it appears', () => {
    const log = path.join(environment.sharedDir, 'corpus', 'loghub', 'HDFS', 'HDFS_2k.log');
    const input = existsSync(log) ? readFileSync(log, 'utf8') : readFileSync(TRACE, 'utf8');
    const ran = terse(['compress', '-', '--json'], input);
    expect(ran.status).toBe(0);
    const record = JSON.parse(ran.stdout) as { output: string; markers: { ref: string; occurrences: number }[] };
    const refs = record.markers.map((m) => m.ref);
    expect(new Set(refs).size).toBe(refs.length);
    const mentions = [...record.output.matchAll(/\[\[terse:([0-9a-f]{16})/g)].length;
    expect(record.markers.reduce((n, m) => n + m.occurrences, 0)).toBe(mentions);
  });
});

describe('terse compare', () => {
  it('refuses two reports with no pair in common (exit 2), instead of printing +0.00 pt', () => {
    const write = (name: string, trace: string): string => {
      const folder = path.join(dir, name);
      mkdirSync(folder, { recursive: true });
      const pair = { trace, config: 'none', suite: 's', workload: 'other', reduction: 0.1 };
      writeFileSync(
        path.join(folder, 'summary.json'),
        JSON.stringify({
          version: 2,
          run: { id: name },
          configs: [],
          probe_screening: [],
          results: [pair],
          workloads: [],
          remaining: [],
          errors: [],
        }),
      );
      return folder;
    };
    const ran = terse(['compare', write('a', 'trace-a'), write('b', 'trace-b')]);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toMatch(/^terse: .* no \(trace, config\) pair in common \(1 pairs only in a, 1 only in b\)/);
  });
});

describe('concurrent compress and retrieve processes on one store', () => {
  it('8 compress processes at once all succeed, then every marker they printed resolves, 8 retrieves at once', async () => {
    const store = path.join(dir, 'shared-store');
    const inputs = path.join(dir, 'inputs');
    mkdirSync(inputs);
    // Real tool outputs: the six largest of the local sessions, two of them compressed by two processes at once.
    const outputs: string[] = [];
    for (const name of [
      'local-sre-node-runtime-failures.jsonl',
      'local-code-search-grammar-rules.jsonl',
      'local-issue-triage-vendor-history.jsonl',
    ]) {
      for (const output of toolOutputs(await loadTrace(path.join(environment.projectRoot, 'traces', 'local', name))))
        outputs.push(output.lines.join('\n'));
    }
    const largest = outputs.sort((a, b) => b.length - a.length).slice(0, 6);
    const files = largest.map((text, index) => {
      const file = path.join(inputs, `output-${index}.txt`);
      writeFileSync(file, text);
      return file;
    });
    files.push(files[0] as string, files[1] as string);
    const start = (args: readonly string[]): Promise<Ran> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [...terseCli, ...args], {
          cwd: dir,
          env: { ...process.env, TERSE_STORE: store },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
    const compressed = await Promise.all(
      files.map((file) => start(['compress', file, '--profile', 'aggressive', '--json'])),
    );
    for (const ran of compressed) expect(ran, ran.stderr).toMatchObject({ status: 0, stderr: '' });
    const refs = [
      ...new Set(
        compressed.flatMap((ran) =>
          (JSON.parse(ran.stdout) as { markers: { ref: string }[] }).markers.map((m) => m.ref),
        ),
      ),
    ];
    expect(refs.length).toBeGreaterThanOrEqual(6);
    const retrieved = await Promise.all(refs.slice(0, 8).map((ref) => start(['retrieve', ref])));
    for (const ran of retrieved) expect(ran, ran.stderr).toMatchObject({ status: 0, stderr: '' });
    for (const ref of refs.slice(8)) expect(existsSync(path.join(store, 'objects', ref)), ref).toBe(true);
  });
});
