/**
 * The README's first table: one row per suite x workload, one reduction column per terse
 * configuration (baselines have their own table), balanced's reduction net of retrieval beside its
 * gross one, balanced's reduction of tool output alone, the discriminating probes it lost, and the
 * published figures where a suite has them.
 */
import { formatCount, formatReduction } from './format-figures.ts';
import { markdownTable, type MarkdownColumn } from './markdown-table.ts';
import type { RenderOptions } from './render-markdown.ts';
import { reductionOf } from './summarize.ts';
import type { Summary, WorkloadSummary } from './summary.ts';

const right = (header: string): MarkdownColumn => ({ header, align: 'right' });
const left = (header: string): MarkdownColumn => ({ header, align: 'left' });

/** The config whose effective reduction and probe losses the table shows. */
const HEADLINE_CONFIG = 'balanced';

/** `lost / discriminating`, or a dash where no probe was scored. */
export function lostCell(row: WorkloadSummary | undefined): string {
  if (row === undefined || row.probes.discriminating === 0) return '—';
  return `${formatCount(row.probes.lost)} / ${formatCount(row.probes.discriminating)}`;
}

/** Configs in run order, baselines left out; rows in summary order (suite, workload). */
export function renderReductionMatrix(summary: Summary, options: RenderOptions = {}): string {
  const baseline = new Set(summary.configs.filter((c) => c.role === 'baseline').map((c) => c.name));
  const configs = [...new Set(summary.workloads.map((w) => w.config))].filter((c) => !baseline.has(c));
  const rows = new Map<string, WorkloadSummary[]>();
  for (const w of summary.workloads) {
    const key = `${w.suite}\u0000${w.workload}`;
    rows.set(key, [...(rows.get(key) ?? []), w]);
  }
  const withHeadline = configs.includes(HEADLINE_CONFIG);
  const withPublished = options.published !== undefined;
  const columns: MarkdownColumn[] = [
    left('suite'),
    left('workload'),
    right('traces'),
    right('tokens / trace'),
    ...configs.map((c) => right(c)),
    ...(withHeadline
      ? [
          right(`${HEADLINE_CONFIG} effective`),
          right(`${HEADLINE_CONFIG} tool output`),
          right(`${HEADLINE_CONFIG} probes lost`),
        ]
      : []),
    ...(withPublished ? [right('published')] : []),
  ];
  const cells = [...rows.values()].map((group) => {
    const first = group[0] as WorkloadSummary;
    const byConfig = new Map(group.map((w) => [w.config, w]));
    const headline = byConfig.get(HEADLINE_CONFIG);
    const published = options.published?.[first.suite]?.[first.workload];
    return [
      first.suite,
      first.workload,
      formatCount(first.traces),
      formatCount(first.traces === 0 ? 0 : Math.round(first.tokens_before / first.traces)),
      ...configs.map((c) => {
        const w = byConfig.get(c);
        return w === undefined ? '—' : formatReduction(w.reduction);
      }),
      // Net of retrieval means something only where probes asked for answers.
      ...(withHeadline
        ? [
            headline === undefined || headline.probes.discriminating === 0
              ? '—'
              : formatReduction(headline.effective_reduction),
            headline === undefined ? '—' : formatReduction(headline.tool_output_reduction),
            lostCell(headline),
          ]
        : []),
      ...(withPublished
        ? [
            published
              ? `${formatReduction(reductionOf(published.before, published.after))} (${formatCount(published.before)} tokens)`
              : '—',
          ]
        : []),
    ];
  });
  return markdownTable(columns, cells);
}
