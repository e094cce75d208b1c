/** The files of a report folder, as a name -> writer table (STYLE.md 12): add a format by adding a row. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '../bench/replay-rows.ts';
import { renderReportHtml } from './render-html.ts';
import { renderSummaryMarkdown, type RenderOptions } from './render-markdown.ts';
import { renderReportCharts } from './report-charts.ts';
import type { Summary } from './summary.ts';
import { writeCharts } from './write-charts.ts';
import { writeParquetExports } from './write-parquet.ts';
import { writeResultsDatabase } from './write-results-database.ts';
import type { BlockTextCollector } from './explore/block-texts.ts';
import { exploreData } from './explore/explore-data.ts';
import { hasTraceTexts, writeExplore } from './explore/write-explore.ts';

/** What every writer receives: the rows, and the summary computed once from them. */
export interface ReportInput {
  readonly result: RunResult;
  readonly summary: Summary;
  readonly options: RenderOptions;
  /** Block texts gathered during the replay, for the drill-down; absent: the page shows rows only. */
  readonly texts?: BlockTextCollector | undefined;
}

/** Names of the files and folders (`parquet`, `charts`) a report folder holds. */
export type ReportFileName =
  'results.duckdb' | 'parquet' | 'summary.json' | 'summary.md' | 'charts' | 'explore' | 'report.html';

/** Writes one report file or folder at `file`, which does not exist yet. */
export type ReportWriter = (input: ReportInput, file: string) => Promise<void>;

/** Every report file and the function that writes it, in writing order. */
export const REPORT_FORMATS: Readonly<Record<ReportFileName, ReportWriter>> = {
  'results.duckdb': (input, file) => writeResultsDatabase(input.result, file),
  // Exported from the finished database beside it, so the Parquet holds exactly what results.duckdb holds.
  parquet: (_input, dir) => writeParquetExports(path.join(path.dirname(dir), 'results.duckdb'), dir),
  // `wx`: a report file is written once; an existing file means something is wrong, not stale.
  'summary.json': (input, file) => writeFile(file, `${JSON.stringify(input.summary, null, 2)}\n`, { flag: 'wx' }),
  'summary.md': (input, file) => writeFile(file, renderSummaryMarkdown(input.summary, input.options), { flag: 'wx' }),
  charts: (input, dir) => writeCharts(input.summary, dir),
  explore: (input, dir) => writeExplore(input.result, input.texts, dir),
  // The charts are rendered once per summary and shared with `charts`.
  'report.html': async (input, file) => {
    const explore = exploreData(
      input.result,
      input.summary,
      (trace) => hasTraceTexts(input.texts, trace),
      input.texts?.blocksLeftOut ?? 0,
    );
    await writeFile(
      file,
      renderReportHtml(input.summary, await renderReportCharts(input.summary), input.options, explore),
      { flag: 'wx' },
    );
  },
};
