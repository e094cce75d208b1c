import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportInputError } from '../errors.ts';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { readSummary } from './read-summary.ts';
import { writeReport } from './write-report.ts';

describe('an unfinished report (issue 18: a replay killed while writing left OUT.partial-<pid> that terse compare accepted)', () => {
  it('is refused by name, folder or summary.json, with a one-line reason; the finished one is read', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-partial-'));
    const done = path.join(dir, 'run');
    await writeReport(SMOKE_RUN, done);
    // What a kill between the last write and the rename leaves: every file, under the writer's partial name.
    const partial = `${done}.partial-4242`;
    cpSync(done, partial, { recursive: true });
    await expect(readSummary(partial)).rejects.toBeInstanceOf(ReportInputError);
    await expect(readSummary(path.join(partial, 'summary.json'))).rejects.toThrow(/partial-4242: an unfinished report/);
    await expect(readSummary(done)).resolves.toMatchObject({ version: 2 });
  });
});
