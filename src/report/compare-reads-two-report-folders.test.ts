import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathError, ReportInputError } from '../errors.ts';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { compareSummaries } from './compare-runs.ts';
import { readSummary } from './read-summary.ts';
import { renderComparison } from './render-comparison.ts';
import { summarize } from './summarize.ts';
import { writeReport } from './write-report.ts';

describe('comparing two written reports', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-compare-'));

  it('reads a report folder back to the summary it was written from, and a run compared with itself changes nothing', async () => {
    const out = path.join(dir, 'run');
    await writeReport(SMOKE_RUN, out);
    const read = await readSummary(out);
    expect(read).toEqual(JSON.parse(JSON.stringify(summarize(SMOKE_RUN))));
    const comparison = compareSummaries(read, read);
    expect(comparison.overall.n).toBe(read.results.length);
    expect(comparison.overall.mean_delta).toBe(0);
    expect(renderComparison(comparison)).toContain(`| all | ${read.results.length} | +0.00 pt |`);
  });

  it('names the file when a summary is missing, not JSON, or of another version', async () => {
    await expect(readSummary(path.join(dir, 'absent'))).rejects.toBeInstanceOf(PathError);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"version": 1, "run": {}, "results": []}');
    await expect(readSummary(bad)).rejects.toThrow(
      /bad\.json: version: must be 2, found version 1, from an older terse/,
    );
    writeFileSync(bad, '{');
    await expect(readSummary(bad)).rejects.toBeInstanceOf(ReportInputError);
  });
});
