/**
 * The tables of a summary as plain header and cell text, for any output format to lay out: the
 * workload table of a suite, the per-trace table, the errors. Figures are formatted as in summary.md.
 */
import type { Workload } from '../bench/trace.ts';
import { formatCount, formatMilliseconds, formatReduction, formatTokensChange } from './format-figures.ts';
import type { RenderOptions } from './render-markdown.ts';
import { reductionOf } from './summarize.ts';
import type { ProbeCounts, Summary, WorkloadSummary } from './summary.ts';

/** A column header and which way its cells line up (numbers right). */
export interface TableColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
}

/** A table: its columns, and rows holding one cell per column. */
export interface SummaryTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly string[])[];
}

const right = (header: string): TableColumn => ({ header, align: 'right' });
const left = (header: string): TableColumn => ({ header, align: 'left' });

const PROBE_COLUMNS: readonly TableColumn[] = [right('survived'), right('retrievable'), right('lost'), right('fabricated')];

function probeCells(probes: ProbeCounts): string[] {
  return [probes.survived, probes.retrievable, probes.lost, probes.fabricated].map(formatCount);
}

function publishedCell(options: RenderOptions, suite: string, workload: Workload): string {
  const figure = options.published?.[suite]?.[workload];
  if (figure === undefined) return '—';
  return `${formatTokensChange(figure.before, figure.after)} (${formatReduction(reductionOf(figure.before, figure.after))})`;
}

/** The workload x config table of `rows`; with a suite column when they span suites, a published one when given. */
export function workloadTable(rows: readonly WorkloadSummary[], options: RenderOptions, withSuite: boolean): SummaryTable {
  const withPublished = options.published !== undefined;
  return {
    columns: [
      ...(withSuite ? [left('suite')] : []),
      left('workload'),
      left('config'),
      right('traces'),
      right('tokens before -> after'),
      right('reduction'),
      ...PROBE_COLUMNS,
      ...(withPublished ? [right('published before -> after (reduction)')] : []),
    ],
    rows: rows.map((row) => [
      ...(withSuite ? [row.suite] : []),
      row.workload,
      row.config,
      formatCount(row.traces),
      formatTokensChange(row.tokens_before, row.tokens_after),
      formatReduction(row.reduction),
      ...probeCells(row.probes),
      ...(withPublished ? [publishedCell(options, row.suite, row.workload)] : []),
    ]),
  };
}

/** One row per (trace, config) pair that replayed. */
export function perTraceTable(summary: Summary): SummaryTable {
  return {
    columns: [
      left('suite'),
      left('workload'),
      left('trace'),
      left('config'),
      right('requests'),
      right('tokens before -> after'),
      right('reduction'),
      right('compressible before -> after'),
      right('p50 ms'),
      right('p95 ms'),
      ...PROBE_COLUMNS,
      right('live-only'),
    ],
    rows: summary.results.map((row) => [
      row.suite,
      row.workload,
      row.trace,
      row.config,
      formatCount(row.requests),
      formatTokensChange(row.tokens_before, row.tokens_after),
      formatReduction(row.reduction),
      formatTokensChange(row.compressible_before, row.compressible_after),
      formatMilliseconds(row.p50_ms),
      formatMilliseconds(row.p95_ms),
      ...probeCells(row.probes),
      formatCount(row.probes.live_only),
    ]),
  };
}

/** One row per pair whose replay failed, with its error. */
export function errorsTable(summary: Summary): SummaryTable {
  return {
    columns: [left('trace'), left('config'), left('error')],
    rows: summary.errors.map((row) => [row.trace, row.config, row.error]),
  };
}
