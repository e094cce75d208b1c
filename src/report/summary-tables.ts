/**
 * The tables of a summary as plain header and cell text, for any output format to lay out: the
 * workload table of a suite, the per-trace table, the errors. Figures are formatted as in summary.md.
 */
import type { Workload } from '../bench/trace.ts';
import { formatCount, formatMilliseconds, formatReduction, formatTokensChange } from './format-figures.ts';
import type { RenderOptions } from './render-markdown.ts';
import { reductionOf } from './summarize.ts';
import type { EndProbeCounts, ProbeCounts, RemainingRow, Summary, SummaryConfig, WorkloadSummary } from './summary.ts';

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

/** Probe columns: the discriminating probes when first needed, those lost again at the session's end, near misses invented. */
const PROBE_COLUMNS: readonly TableColumn[] = [
  right('probes'),
  right('survived'),
  right('retrieved'),
  right('lost'),
  right('lost at end'),
  right('fabricated'),
  right('retrieval calls'),
];

function probeCells(row: { probes: ProbeCounts; probes_at_end: EndProbeCounts; retrieval_calls: number }): string[] {
  const { probes } = row;
  return [
    probes.discriminating,
    probes.survived,
    probes.retrieved,
    probes.lost,
    row.probes_at_end.lost,
    probes.fabricated,
    row.retrieval_calls,
  ].map(formatCount);
}

/** A config as tables name it: baselines say so. */
export function configCell(configs: readonly SummaryConfig[], config: string): string {
  const role = configs.find((c) => c.name === config)?.role;
  return role === 'baseline' && config !== 'none' ? `${config} (baseline)` : config;
}

function publishedCell(options: RenderOptions, suite: string, workload: Workload): string {
  const figure = options.published?.[suite]?.[workload];
  if (figure === undefined) return '—';
  return `${formatTokensChange(figure.before, figure.after)} (${formatReduction(reductionOf(figure.before, figure.after))})`;
}

/** The workload x config table of `rows`; with a suite column when they span suites, a published one when given. */
export function workloadTable(
  rows: readonly WorkloadSummary[],
  configs: readonly SummaryConfig[],
  options: RenderOptions,
  withSuite: boolean,
): SummaryTable {
  const withPublished = options.published !== undefined;
  return {
    columns: [
      ...(withSuite ? [left('suite')] : []),
      left('workload'),
      left('config'),
      right('traces'),
      right('tokens before -> after'),
      right('reduction'),
      right('effective'),
      right('tool output'),
      ...PROBE_COLUMNS,
      ...(withPublished ? [right('published before -> after (reduction)')] : []),
    ],
    rows: rows.map((row) => [
      ...(withSuite ? [row.suite] : []),
      row.workload,
      configCell(configs, row.config),
      formatCount(row.traces),
      formatTokensChange(row.tokens_before, row.tokens_after),
      formatReduction(row.reduction),
      formatReduction(row.effective_reduction),
      formatReduction(row.tool_output_reduction),
      ...probeCells(row),
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
      right('effective'),
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
      configCell(summary.configs, row.config),
      formatCount(row.requests),
      formatTokensChange(row.tokens_before, row.tokens_after),
      formatReduction(row.reduction),
      formatReduction(row.effective_reduction),
      formatTokensChange(row.compressible_before, row.compressible_after),
      formatMilliseconds(row.p50_ms),
      formatMilliseconds(row.p95_ms),
      ...probeCells(row),
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

/** What each suite's probe screening did: only discriminating probes are scored, negatives are near misses. */
export function screeningTable(summary: Summary): SummaryTable {
  return {
    columns: [
      left('suite'),
      right('probes derived'),
      right('dropped: answer outside tool output'),
      right('ambiguous (kept)'),
      right('negatives replaced'),
      right('near misses added'),
      right('probes kept'),
    ],
    rows: summary.probe_screening.map((row) => [
      row.suite,
      formatCount(row.derived),
      formatCount(row.non_discriminating),
      formatCount(row.ambiguous),
      formatCount(row.negatives_replaced),
      formatCount(row.near_misses),
      formatCount(row.kept),
    ]),
  };
}

/** Commands listed per suite in the "where tokens remain" table; the rest add up in one row. */
const MAX_COMMANDS = 12;

/** The config whose remainders the report shows: balanced, else the first terse profile of the run. */
export function remainingConfig(summary: Summary): string | null {
  const profiles = summary.configs.filter((c) => c.role !== 'baseline').map((c) => c.name);
  return profiles.includes('balanced') ? 'balanced' : (profiles[0] ?? null);
}

/**
 * Where tool-output tokens remain under `config`: per suite, by content kind, then by the command that
 * printed the block (the largest remainders, the rest summed), each block counted once.
 */
export function remainingTable(summary: Summary, config: string): SummaryTable {
  const rows: string[][] = [];
  const suites = [...new Set(summary.remaining.map((r) => r.suite))];
  for (const suite of suites) {
    const of = summary.remaining.filter((r) => r.suite === suite && r.config === config);
    const left = of.reduce((n, r) => (r.group === 'kind' ? n + r.tokens_after : n), 0);
    const cells = (r: Pick<RemainingRow, 'group' | 'name' | 'blocks' | 'tokens_before' | 'tokens_after'>): string[] => [
      suite,
      r.group,
      r.name,
      formatCount(r.blocks),
      formatTokensChange(r.tokens_before, r.tokens_after),
      formatReduction(reductionOf(r.tokens_before, r.tokens_after)),
      left === 0 ? '—' : formatReduction(r.tokens_after / left),
    ];
    for (const r of of.filter((x) => x.group === 'kind')) rows.push(cells(r));
    const commands = of.filter((x) => x.group === 'command');
    for (const r of commands.slice(0, MAX_COMMANDS)) rows.push(cells(r));
    const rest = commands.slice(MAX_COMMANDS);
    if (rest.length > 0) {
      const add = (pick: (r: RemainingRow) => number): number => rest.reduce((n, r) => n + pick(r), 0);
      rows.push(
        cells({
          group: 'command',
          name: `${rest.length} others`,
          blocks: add((r) => r.blocks),
          tokens_before: add((r) => r.tokens_before),
          tokens_after: add((r) => r.tokens_after),
        }),
      );
    }
  }
  return {
    columns: [
      left('suite'),
      left('by'),
      left('name'),
      right('blocks'),
      right('tokens before -> after'),
      right('reduction'),
      right('share of what remains'),
    ],
    rows,
  };
}

/** Traces whose system prompt or tool definitions hold volatile values, once each (the first config that found them). */
export function volatileTable(summary: Summary): SummaryTable {
  const seen = new Set<string>();
  const rows = summary.results.filter((row) => row.volatile_values > 0 && !seen.has(row.trace) && seen.add(row.trace));
  return {
    columns: [left('suite'), left('trace'), right('values'), left('first examples')],
    rows: rows.map((row) => [row.suite, row.trace, formatCount(row.volatile_values), row.volatile_examples.join(', ')]),
  };
}
