/**
 * The README's table: one row per suite x workload, one reduction column per config, the probes a
 * config lost or invented, and the published figures beside ours where a suite has them.
 */
import { formatCount, formatReduction } from './format-figures.ts';
import { markdownTable, type MarkdownColumn } from './markdown-table.ts';
import type { RenderOptions } from './render-markdown.ts';
import { reductionOf } from './summarize.ts';
import type { Summary, WorkloadSummary } from './summary.ts';

const right = (header: string): MarkdownColumn => ({ header, align: 'right' });
const left = (header: string): MarkdownColumn => ({ header, align: 'left' });

/** The config whose share of probes answered inline (no retrieval) the table shows. */
const INLINE_CONFIG = 'balanced';

function inlineShare(row: WorkloadSummary | undefined): string {
  if (row === undefined) return '—';
  const scored = row.probes.survived + row.probes.retrievable + row.probes.lost + row.probes.fabricated;
  return scored === 0 ? '—' : formatReduction(row.probes.survived / scored);
}

/** Configs in run order; rows in summary order (suite, workload). */
export function renderReductionMatrix(summary: Summary, options: RenderOptions = {}): string {
  const configs = [...new Set(summary.workloads.map((w) => w.config))];
  const rows = new Map<string, WorkloadSummary[]>();
  for (const w of summary.workloads) {
    const key = `${w.suite}\u0000${w.workload}`;
    rows.set(key, [...(rows.get(key) ?? []), w]);
  }
  const withPublished = options.published !== undefined;
  const columns: MarkdownColumn[] = [
    left('suite'),
    left('workload'),
    right('traces'),
    right('tokens / trace'),
    ...configs.map((c) => right(c)),
    right('probes lost / fabricated'),
    ...(configs.includes(INLINE_CONFIG) ? [right(`inline (${INLINE_CONFIG})`)] : []),
    ...(withPublished ? [right('published')] : []),
  ];
  const cells = [...rows.values()].map((group) => {
    const first = group[0] as WorkloadSummary;
    const byConfig = new Map(group.map((w) => [w.config, w]));
    const lost = group.reduce((n, w) => n + w.probes.lost, 0);
    const fabricated = group.reduce((n, w) => n + w.probes.fabricated, 0);
    const scored = group.reduce((n, w) => n + w.probes.total - w.probes.live_only, 0);
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
      scored === 0 ? '—' : `${formatCount(lost)} / ${formatCount(fabricated)}`,
      ...(configs.includes(INLINE_CONFIG) ? [inlineShare(byConfig.get(INLINE_CONFIG))] : []),
      ...(withPublished ? [published ? `${formatReduction(reductionOf(published.before, published.after))} (${formatCount(published.before)} tokens)` : '—'] : []),
    ];
  });
  return markdownTable(columns, cells);
}
