/** The files of a report folder, as a name -> writer table (STYLE.md 12): add a format by adding a row. */
import { writeFile } from 'node:fs/promises';
import type { RunResult } from '../bench/replay-rows.ts';
import { renderSummaryMarkdown, type RenderOptions } from './render-markdown.ts';
import type { Summary } from './summary.ts';
import { writeResultsDatabase } from './write-results-database.ts';

/** What every writer receives: the rows, and the summary computed once from them. */
export interface ReportInput {
  readonly result: RunResult;
  readonly summary: Summary;
  readonly options: RenderOptions;
}

/** Names of the files a report folder holds. */
export type ReportFileName = 'results.duckdb' | 'summary.json' | 'summary.md';

/** Writes one report file at `file`, which does not exist yet. */
export type ReportWriter = (input: ReportInput, file: string) => Promise<void>;

/** Every report file and the function that writes it, in writing order. */
export const REPORT_FORMATS: Readonly<Record<ReportFileName, ReportWriter>> = {
  'results.duckdb': (input, file) => writeResultsDatabase(input.result, file),
  // `wx`: a report file is written once; an existing file means something is wrong, not stale.
  'summary.json': (input, file) => writeFile(file, `${JSON.stringify(input.summary, null, 2)}\n`, { flag: 'wx' }),
  'summary.md': (input, file) => writeFile(file, renderSummaryMarkdown(input.summary, input.options), { flag: 'wx' }),
};
