/**
 * The README's second table: per suite with probes, every configuration (terse's and the baselines)
 * with its reduction, its reduction net of what retrieving answers cost, and what became of the
 * discriminating probes when first needed and at the session's end. A fidelity measure is seen to
 * work when the destructive baselines lose here and the careful profiles do not.
 */
import { formatCount, formatReduction } from './format-figures.ts';
import { markdownTable, type MarkdownColumn } from './markdown-table.ts';
import { effectiveReductionOf, reductionOf } from './summarize.ts';
import type { Summary, WorkloadSummary } from './summary.ts';
import { configCell } from './summary-tables.ts';

const right = (header: string): MarkdownColumn => ({ header, align: 'right' });
const left = (header: string): MarkdownColumn => ({ header, align: 'left' });

/** `lost (share)` of the discriminating probes: `3 (2.0%)`. */
function lostShare(lost: number, of: number): string {
  return of === 0 ? '—' : `${formatCount(lost)} (${formatReduction(lost / of)})`;
}

/** `31.2% / 12.0%`: the money saved against the client's own requests, under each provider's cache rules. */
function costCell(group: readonly WorkloadSummary[]): string {
  const cells = (['anthropic', 'openai'] as const).map((provider) => {
    const costs = group.flatMap((w) => w.cost.filter((c) => c.provider === provider));
    const cost = costs.reduce((n, c) => n + c.cost_usd, 0);
    const without = costs.reduce((n, c) => n + c.cost_usd_without, 0);
    return without === 0 ? '—' : formatReduction(1 - cost / without);
  });
  return cells.join(' / ');
}

/** One row per suite x config, workloads added up; suites without scored probes are left out. */
export function renderFidelityTable(summary: Summary): string {
  const groups = new Map<string, WorkloadSummary[]>();
  for (const w of summary.workloads) {
    const key = `${w.suite}\u0000${w.config}`;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  const columns: MarkdownColumn[] = [
    left('suite'),
    left('config'),
    right('reduction'),
    right('effective'),
    right('probes'),
    right('survived'),
    right('retrieved'),
    right('lost when needed'),
    right('lost at end'),
    right('near misses invented'),
    right('retrieval calls'),
    right('$ saved: Anthropic / OpenAI cache rules'),
    right('cache busts'),
  ];
  const cells: string[][] = [];
  for (const group of groups.values()) {
    const first = group[0] as WorkloadSummary;
    const add = (pick: (w: WorkloadSummary) => number): number => group.reduce((n, w) => n + pick(w), 0);
    const discriminating = add((w) => w.probes.discriminating);
    if (discriminating === 0) continue;
    const before = add((w) => w.tokens_before);
    const after = add((w) => w.tokens_after);
    const retrieval = add((w) => w.retrieval_tokens);
    const negatives = add((w) => w.probes.negative);
    cells.push([
      first.suite,
      configCell(summary.configs, first.config),
      formatReduction(reductionOf(before, after)),
      formatReduction(effectiveReductionOf(before, after, retrieval)),
      formatCount(discriminating),
      formatCount(add((w) => w.probes.survived)),
      formatCount(add((w) => w.probes.retrieved)),
      lostShare(
        add((w) => w.probes.lost),
        discriminating,
      ),
      lostShare(
        add((w) => w.probes_at_end.lost),
        discriminating,
      ),
      negatives === 0 ? '—' : `${formatCount(add((w) => w.probes.fabricated))} of ${formatCount(negatives)}`,
      formatCount(add((w) => w.retrieval_calls)),
      costCell(group),
      formatCount(group.reduce((n, w) => n + w.cost.reduce((m, c) => m + c.cache_busts, 0), 0)),
    ]);
  }
  return markdownTable(columns, cells);
}
