/**
 * The live tables, as plain cells for markdown and HTML alike: accuracy per workload and config beside
 * the offline fidelity, and each config paired with `none`. Rubric verdicts are labelled model-graded.
 */
import { formatCount, formatReduction } from './format-figures.ts';
import { markdownTable } from './markdown-table.ts';
import type { PairedStatistic } from './paired-bootstrap.ts';
import type { LiveSummary } from './summary-live.ts';
import type { Summary } from './summary.ts';
import type { SummaryTable, TableColumn } from './summary-tables.ts';
import { configCell } from './summary-tables.ts';

const right = (header: string): TableColumn => ({ header, align: 'right' });
const left = (header: string): TableColumn => ({ header, align: 'left' });

/** Dollars: cents for sums of a cent or more, else four decimals; `unpriced` when the model has no price. */
export function formatUsd(value: number | null): string {
  if (value === null) return 'unpriced';
  return Math.abs(value) >= 0.01 || value === 0 ? `$${value.toFixed(2)}` : `$${value.toFixed(4)}`;
}

function formatP(p: number): string {
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

const points = (delta: number): string => `${delta >= 0 ? '+' : ''}${(delta * 100).toFixed(1)} pt`;
const dollars = (delta: number): string => `${delta >= 0 ? '+' : '-'}$${Math.abs(delta).toFixed(4)}`;

function withInterval(s: PairedStatistic, format: (value: number) => string): string {
  return s.ci95 === null
    ? format(s.mean_delta)
    : `${format(s.mean_delta)} (${format(s.ci95.low)} .. ${format(s.ci95.high)})`;
}

/** Live accuracy per suite, workload and config (each scoring point apart), beside the offline figures. */
export function liveAccuracyTable(summary: Summary, live: LiveSummary): SummaryTable {
  const several = new Set(live.workloads.map((w) => w.point)).size > 1;
  const columns: TableColumn[] = [
    left('suite'),
    left('workload'),
    left('config'),
    ...(several ? [left('point')] : []),
    right('effective reduction'),
    right('offline kept'),
    right('live correct'),
    right('accuracy'),
    right('near misses rejected'),
    right('of which model-graded'),
    right('wrong'),
    right('refused'),
    right('not run / errored'),
    right('retrieve calls / probe'),
    right('$ / trace'),
  ];
  const rows = live.workloads.map((w) => [
    w.suite,
    w.workload,
    configCell(summary.configs, w.config),
    ...(several ? [w.point] : []),
    formatReduction(w.offline.effective_reduction),
    w.offline.discriminating === 0 ? '—' : `${formatCount(w.offline.kept)} of ${formatCount(w.offline.discriminating)}`,
    `${formatCount(w.correct)} of ${formatCount(w.scored)}`,
    w.scored === 0 ? '—' : formatReduction(w.accuracy),
    w.near_misses === 0 ? '—' : `${formatCount(w.near_misses_rejected)} of ${formatCount(w.near_misses)}`,
    formatCount(w.model_graded),
    formatCount(w.wrong),
    formatCount(w.refused),
    `${formatCount(w.not_run)} / ${formatCount(w.errored)}`,
    w.probes === 0 ? '—' : (w.retrieve_calls / w.probes).toFixed(2),
    formatUsd(w.cost_per_trace_usd),
  ]);
  return { columns, rows };
}

/** Each config against `none` on the probes both answered: McNemar, paired bootstrap intervals, a plain verdict. */
export function liveComparisonTable(summary: Summary, live: LiveSummary): SummaryTable {
  const several = new Set(live.comparisons.map((c) => c.point)).size > 1;
  const columns: TableColumn[] = [
    left('config vs none'),
    ...(several ? [left('point')] : []),
    right('pairs'),
    right('both / config only / none only / neither'),
    right('McNemar p'),
    right('accuracy change (95% CI)'),
    right('$ per 1k probes change (95% CI)'),
    left('verdict'),
  ];
  const rows = live.comparisons.map((c) => [
    configCell(summary.configs, c.config),
    ...(several ? [c.point] : []),
    formatCount(c.n),
    `${formatCount(c.both)} / ${formatCount(c.only_b)} / ${formatCount(c.only_a)} / ${formatCount(c.neither)}`,
    formatP(c.mcnemar_p),
    withInterval(c.accuracy_delta, points),
    c.cost_per_1k_delta === null ? 'unpriced' : withInterval(c.cost_per_1k_delta, dollars),
    c.verdict,
  ]);
  return { columns, rows };
}

/** One line of context: where the model was asked, with what limits, what the run paid. */
export function liveContextLine(live: LiveSummary): string {
  const { run } = live;
  const routes = run.routes
    .map((r) => `${r.form}-form requests to ${r.provider} \`${r.model}\` at ${r.base_url}`)
    .join('; ');
  const budget =
    run.budget_usd === null
      ? 'no budget'
      : `budget ${formatUsd(run.budget_usd)}${run.budget_stopped ? ', reached: the probes left were not run' : ''}`;
  return `Live: ${routes}; at most ${run.max_rounds} model calls per answer; paid by this run ${formatUsd(run.spent_usd)} (${budget}); prices as of ${run.prices_as_of} (${run.prices_source}). Count, causal and live-only answers are also model-graded (a rubric the same model grades).`;
}

/** The live part of summary.md and of the command's output. */
export function renderLiveMarkdown(summary: Summary): string {
  const live = summary.live;
  if (!live) return '';
  const sections = [liveContextLine(live), markdownTable(...spread(liveAccuracyTable(summary, live)))];
  if (live.comparisons.length > 0) sections.push(markdownTable(...spread(liveComparisonTable(summary, live))));
  return sections.join('\n\n');
}

function spread(table: SummaryTable): [SummaryTable['columns'], SummaryTable['rows']] {
  return [table.columns, table.rows];
}
