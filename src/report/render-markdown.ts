/** summary.md and the compact workload table the CLI prints and the README embeds. */
import type { Workload } from '../bench/trace.ts';
import { formatCount, formatMilliseconds, formatReduction, formatTokensChange } from './format-figures.ts';
import { markdownTable, type MarkdownColumn } from './markdown-table.ts';
import { reductionOf } from './summarize.ts';
import type { ProbeCounts, Summary, WorkloadSummary } from './summary.ts';

/** Token figures someone else published for a workload, to show beside ours. */
export interface PublishedFigure {
  readonly before: number;
  readonly after: number;
}

/** How the markdown is rendered. */
export interface RenderOptions {
  /** Published figures by suite, then workload; adds a "published" column when given. @default undefined */
  readonly published?: Readonly<Record<string, Readonly<Partial<Record<Workload, PublishedFigure>>>>>;
}

const right = (header: string): MarkdownColumn => ({ header, align: 'right' });
const left = (header: string): MarkdownColumn => ({ header, align: 'left' });

const PROBE_COLUMNS: readonly MarkdownColumn[] = [right('survived'), right('retrievable'), right('lost'), right('fabricated')];

function probeCells(probes: ProbeCounts): string[] {
  return [probes.survived, probes.retrievable, probes.lost, probes.fabricated].map(formatCount);
}

function publishedCell(options: RenderOptions, suite: string, workload: Workload): string {
  const figure = options.published?.[suite]?.[workload];
  if (figure === undefined) return '—';
  return `${formatTokensChange(figure.before, figure.after)} (${formatReduction(reductionOf(figure.before, figure.after))})`;
}

function workloadTable(rows: readonly WorkloadSummary[], options: RenderOptions, withSuite: boolean): string {
  const withPublished = options.published !== undefined;
  const columns: MarkdownColumn[] = [
    ...(withSuite ? [left('suite')] : []),
    left('workload'),
    left('config'),
    right('traces'),
    right('tokens before -> after'),
    right('reduction'),
    ...PROBE_COLUMNS,
    ...(withPublished ? [right('published before -> after (reduction)')] : []),
  ];
  const cells = rows.map((row) => [
    ...(withSuite ? [row.suite] : []),
    row.workload,
    row.config,
    formatCount(row.traces),
    formatTokensChange(row.tokens_before, row.tokens_after),
    formatReduction(row.reduction),
    ...probeCells(row.probes),
    ...(withPublished ? [publishedCell(options, row.suite, row.workload)] : []),
  ]);
  return markdownTable(columns, cells);
}

/** The compact workload x config table alone, every suite in one table (CLI output, README). */
export function renderSummaryTable(summary: Summary, options: RenderOptions = {}): string {
  return workloadTable(summary.workloads, options, true);
}

function perTraceTable(summary: Summary): string {
  const columns: MarkdownColumn[] = [
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
  ];
  const cells = summary.results.map((row) => [
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
  ]);
  return markdownTable(columns, cells);
}

function errorsTable(summary: Summary): string {
  return markdownTable(
    [left('trace'), left('config'), left('error')],
    summary.errors.map((row) => [row.trace, row.config, row.error]),
  );
}

/** The whole summary.md: context line, a workload table per suite, the per-trace table, the errors. */
export function renderSummaryMarkdown(summary: Summary, options: RenderOptions = {}): string {
  const { run } = summary;
  const sections = [
    `# terse bench \`${run.id}\` · git \`${run.git_sha}\` · node ${run.node} · tokenizer ${run.tokenizer}`,
    `Started ${run.started_at}. Token counts sum over every replayed request; reduction is 1 - after/before.`,
  ];
  const suites = [...new Set(summary.workloads.map((row) => row.suite))];
  if (suites.length === 0) sections.push('No (trace, config) pair replayed without error.');
  for (const suite of suites) {
    const rows = summary.workloads.filter((row) => row.suite === suite);
    sections.push(`## Suite \`${suite}\``, workloadTable(rows, options, false));
  }
  if (summary.results.length > 0) sections.push('## Per trace', perTraceTable(summary));
  if (summary.errors.length > 0) {
    const count = summary.errors.length;
    sections.push(
      '## Errors',
      `${formatCount(count)} ${count === 1 ? 'pair' : 'pairs'} failed; the tables above leave them out.`,
      errorsTable(summary),
    );
  }
  return `${sections.join('\n\n')}\n`;
}
