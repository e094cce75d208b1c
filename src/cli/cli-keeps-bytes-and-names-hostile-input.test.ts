import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';

const bin = path.join(environment.projectRoot, 'bin', 'terse.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-hostile-cli-'));
const store = path.join(dir, 'private', 'store.duckdb');

function terse(
  args: string[],
  env: Record<string, string> = {},
  input?: Buffer,
): { status: number | null; stdout: Buffer; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    env: { ...process.env, CI: 'true', TERSE_STORE: store, ...env },
    ...(input ? { input } : {}),
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

function expectOneLineError(result: ReturnType<typeof terse>, pattern: RegExp): void {
  expect(result.stderr).not.toMatch(/\n\s+at /);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^terse: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.status).toBe(2);
}

// A log with latin-1 bytes: decoding it as UTF-8 would store U+FFFD (101,584 bytes for a 93,584-byte input).
const latin1Log = Buffer.from(
  Array.from(
    { length: 2000 },
    (_, i) => `2024-01-01T00:00:${String(i % 60).padStart(2, '0')} INFO worker ${i} processed item caf\xe9 ok`,
  ).join('\n'),
  'latin1',
);

describe('terse compress and retrieve keep bytes (issue 18)', () => {
  it('refuses a file that is not UTF-8, naming the file, line and byte, and stores nothing', () => {
    const file = path.join(dir, 'latin1.log');
    writeFileSync(file, latin1Log);
    expectOneLineError(
      terse(['compress', file]),
      new RegExp(`latin1\\.log:1: not valid UTF-8 \\(byte offset ${latin1Log.indexOf(0xe9)}\\)`),
    );
  });

  it('refuses standard input that is not UTF-8 the same way, naming (stdin)', () => {
    expectOneLineError(
      terse(['compress', '-'], {}, latin1Log),
      new RegExp(`\\(stdin\\):1: not valid UTF-8 \\(byte offset ${latin1Log.indexOf(0xe9)}\\)`),
    );
  });

  it('gives back the exact bytes of a compressed file with retrieve REF > f, without an added newline, from a store only its user can read', () => {
    const file = path.join(dir, 'utf8.log');
    const original = latin1Log.toString('latin1'); // the same lines, now valid UTF-8, no final newline
    writeFileSync(file, original);
    const compressed = terse(['compress', file, '--json']);
    expect(compressed.status).toBe(0);
    const record = JSON.parse(compressed.stdout.toString('utf8')) as { markers: { ref: string }[] };
    const ref = record.markers.at(-1)?.ref ?? '';
    const back = terse(['retrieve', ref]);
    expect(back.status).toBe(0);
    expect(back.stdout.equals(readFileSync(file))).toBe(true);
    expect(statSync(store).mode & 0o077).toBe(0);
    expect(statSync(path.dirname(store)).mode & 0o077).toBe(0);
  });

  it('says a bad TERSE_TOKENIZER in one line, with no stack', () => {
    const file = path.join(dir, 'small.txt');
    writeFileSync(file, 'hello\n');
    expectOneLineError(
      terse(['compress', file], { TERSE_TOKENIZER: 'gpt2' }),
      /TERSE_TOKENIZER: must be o200k_base or cl100k_base, not "gpt2"/,
    );
  });
});
