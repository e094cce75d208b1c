/** The markdown of a run comparison: per config and overall, mean reduction change with its 95% interval. */
import { formatCount } from './format-figures.ts';
import { markdownTable } from './markdown-table.ts';
import type { RunComparison } from './compare-runs.ts';
import type { PairedStatistic } from './paired-bootstrap.ts';

const points = (delta: number): string => `${delta >= 0 ? '+' : ''}${(delta * 100).toFixed(2)} pt`;

function row(label: string, s: PairedStatistic): string[] {
  return [
    label,
    formatCount(s.n),
    points(s.mean_delta),
    s.ci95 === null ? '—' : `${points(s.ci95.low)} .. ${points(s.ci95.high)}`,
    `${formatCount(s.improved)} / ${formatCount(s.worsened)} / ${formatCount(s.unchanged)}`,
  ];
}

export function renderComparison(comparison: RunComparison): string {
  const table = markdownTable(
    [
      { header: 'config', align: 'left' },
      { header: 'pairs', align: 'right' },
      { header: 'mean change in reduction (b - a)', align: 'right' },
      { header: '95% interval', align: 'right' },
      { header: 'improved / worsened / same', align: 'right' },
    ],
    [...comparison.by_config.map((s) => row(s.config, s)), row('all', comparison.overall)],
  );
  const missing = comparison.only_in_a.length + comparison.only_in_b.length;
  const note = missing === 0 ? '' : `\n\n${formatCount(comparison.only_in_a.length)} pairs only in a, ${formatCount(comparison.only_in_b.length)} only in b (left out).`;
  return `a = ${comparison.a}, b = ${comparison.b}\n\n${table}${note}`;
}
