import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PathError, ReportInputError } from '../errors.ts';
import type { RunResult } from '../bench/replay-rows.ts';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { writeReport } from './write-report.ts';

let tempDir: string;

beforeEach(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'terse-write-report-'));
});

afterEach(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

// A small run keeps each DuckDB write quick; the row-by-row checks live in results-database-holds-every-row.
const SMALL_RUN: RunResult = { ...SMOKE_RUN, pairs: SMOKE_RUN.pairs.slice(0, 2) };

describe('writeReport', () => {
  it('puts exactly the report files in outDir and leaves no partial folder', async () => {
    const outDir = path.join(tempDir, 'reports', 'run-1');
    const paths = await writeReport(SMALL_RUN, outDir);
    expect(paths.dir).toBe(outDir);
    expect((await readdir(outDir)).sort()).toEqual([
      'charts',
      'explore',
      'parquet',
      'report.html',
      'results.duckdb',
      'summary.json',
      'summary.md',
    ]);
    expect(await readdir(path.join(tempDir, 'reports'))).toEqual(['run-1']);
    expect(paths.files['summary.md']).toBe(path.join(outDir, 'summary.md'));
    expect(await readFile(paths.files['summary.md'], 'utf8')).toMatch(/^# terse bench `2026-11-25T154023Z-a1b2c3d`/);
  });

  it('refuses to overwrite a stored report and leaves it as it was', async () => {
    const outDir = path.join(tempDir, 'run-1');
    await writeReport(SMALL_RUN, outDir);
    const stored = await readFile(path.join(outDir, 'summary.json'), 'utf8');
    const again = writeReport({ ...SMALL_RUN, run: { ...SMALL_RUN.run, git_sha: 'fffffff' } }, outDir);
    await expect(again).rejects.toThrow(PathError);
    await expect(again).rejects.toMatchObject({ path: outDir, reason: expect.stringMatching(/complete report/) });
    expect(await readFile(path.join(outDir, 'summary.json'), 'utf8')).toBe(stored);
    expect(await readdir(tempDir)).toEqual(['run-1']);
  });

  it('refuses a folder holding anything else, and fills an empty one', async () => {
    const busy = path.join(tempDir, 'busy');
    await mkdir(busy);
    await writeFile(path.join(busy, 'notes.txt'), 'mine');
    await expect(writeReport(SMALL_RUN, busy)).rejects.toMatchObject({
      path: busy,
      reason: expect.stringMatching(/not empty/),
    });
    const empty = path.join(tempDir, 'empty');
    await mkdir(empty);
    await writeReport(SMALL_RUN, empty);
    expect((await readdir(empty)).length).toBe(7);
  });

  it('gives PathError for an outDir under a regular file and leaves no folder behind', async () => {
    await writeFile(path.join(tempDir, 'plain-file'), 'not a folder');
    const outDir = path.join(tempDir, 'plain-file', 'run-1');
    const attempt = writeReport(SMALL_RUN, outDir);
    await expect(attempt).rejects.toThrow(PathError);
    await expect(attempt).rejects.toMatchObject({ path: outDir });
    expect(await readdir(tempDir)).toEqual(['plain-file']);
  });

  it('removes the partial folder when a file fails half way', async () => {
    const [first] = SMOKE_RUN.pairs;
    if (first?.state !== 'ok') throw new Error('fixture: first pair should be ok');
    const broken: RunResult = {
      ...SMALL_RUN,
      pairs: [{ ...first, requests: [{ ...first.requests[0]!, tokens_before: 12.5 }] }],
    };
    const outDir = path.join(tempDir, 'run-broken');
    const attempt = writeReport(broken, outDir);
    await expect(attempt).rejects.toThrow(ReportInputError);
    await expect(attempt).rejects.toMatchObject({ where: 'requests row 0 column tokens_before' });
    expect(await readdir(tempDir)).toEqual([]);
  });
});
