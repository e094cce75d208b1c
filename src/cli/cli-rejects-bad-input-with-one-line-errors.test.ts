import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { sourceCli } from './source-cli.ts';

const terseCli = sourceCli(environment.projectRoot);
const reference = path.join(environment.sharedDir, 'reference', 'headroom-workloads');

function terse(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [...terseCli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', TERSE_REPORTS_DIR: path.join(cwd, 'reports') },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectOneLineError(result: ReturnType<typeof terse>, pattern: RegExp): void {
  expect(result.status).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^terse: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('terse replay on bad input', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-cli-'));
  const out = path.join(dir, 'out');

  it('names the file and line of malformed JSONL', () => {
    const file = path.join(dir, 'broken.jsonl');
    writeFileSync(
      file,
      '{"version":1,"type":"trace","id":"t","workload":"other","provider":"openai","request":{},"source":{"format":"trace-v1","file":"x"}}\n{"type":"message","message":{"role":"user","content":"hi"}}\n{"type": "call"\n',
    );
    expectOneLineError(terse(['replay', file, '--out', out], dir), /broken\.jsonl:3/);
    expect(existsSync(out)).toBe(false);
  });

  it('lists the formats it tried for a file of an unknown format', () => {
    const file = path.join(dir, 'notes.json');
    writeFileSync(file, '{"hello": "world"}\n');
    expectOneLineError(
      terse(['replay', file, '--out', out], dir),
      /not a known session format \(tried: .*mini-swe-agent/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an empty file', () => {
    const file = path.join(dir, 'empty.jsonl');
    writeFileSync(file, '');
    expectOneLineError(terse(['replay', file, '--out', out], dir), /empty/);
  });

  it('refuses a missing path', () => {
    expectOneLineError(
      terse(['replay', path.join(dir, 'nope.jsonl'), '--out', out], dir),
      /nope\.jsonl: no such file or directory/,
    );
  });

  it.skipIf(!existsSync(reference))('refuses a probe that names an unknown trace, before replaying anything', () => {
    const probes = path.join(dir, 'probes.jsonl');
    writeFileSync(
      probes,
      `${JSON.stringify({ trace: 'no-such-trace', id: 'p1', question: 'q', answers: ['a'], kind: 'exact', evidence: { turn: 0 } })}\n`,
    );
    expectOneLineError(
      terse(['replay', path.join(reference, 'code-search-100.json'), '--probes', probes, '--out', out], dir),
      /probe p1: names unknown trace no-such-trace/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(!existsSync(reference) || process.getuid?.() === 0)('refuses an unwritable --out', () => {
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    expectOneLineError(
      terse(['replay', path.join(reference, 'code-search-100.json'), '--out', path.join(locked, 'r')], dir),
      /not writable/,
    );
  });

  it.skipIf(!existsSync(reference))('refuses an --out under a regular file and leaves no report folder', () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    expectOneLineError(
      terse(['replay', path.join(reference, 'code-search-100.json'), '--out', path.join(blocker, 'r')], dir),
      /a-file/,
    );
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('rejects an unknown configuration by name', () => {
    const file = path.join(dir, 'ok.jsonl');
    writeFileSync(
      file,
      '{"version":1,"type":"trace","id":"t","workload":"other","provider":"openai","request":{},"source":{"format":"trace-v1","file":"x"}}\n{"type":"message","message":{"role":"user","content":"hi"}}\n{"type":"call"}\n',
    );
    expectOneLineError(
      terse(['replay', file, '--config', 'turbo', '--out', out], dir),
      /config turbo: unknown configuration/,
    );
  });
});
