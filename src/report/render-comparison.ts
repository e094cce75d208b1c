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
  const note =
    missing === 0
      ? ''
      : `\n\n${formatCount(comparison.only_in_a.length)} pairs only in a, ${formatCount(comparison.only_in_b.length)} only in b (left out).`;
  return `a = ${comparison.a}, b = ${comparison.b}\n\n${table}${note}${renderLiveDeltas(comparison)}`;
}

/** The live answers of the two runs, per config: McNemar and the accuracy change with its interval. */
function renderLiveDeltas(comparison: RunComparison): string {
  if (comparison.live === null) return '';
  if (comparison.live.length === 0) return '\n\nLive answers: no probe was answered in both runs.';
  const table = markdownTable(
    [
      { header: 'config (live)', align: 'left' },
      { header: 'point', align: 'left' },
      { header: 'probes', align: 'right' },
      { header: 'both / b only / a only / neither correct', align: 'right' },
      { header: 'McNemar p', align: 'right' },
      { header: 'accuracy change (b - a)', align: 'right' },
      { header: '95% interval', align: 'right' },
      { header: 'verdict', align: 'left' },
    ],
    comparison.live.map((d) => [
      d.config,
      d.point,
      formatCount(d.n),
      `${formatCount(d.both)} / ${formatCount(d.only_b)} / ${formatCount(d.only_a)} / ${formatCount(d.neither)}`,
      d.mcnemar_p < 0.001 ? '<0.001' : d.mcnemar_p.toFixed(3),
      points(d.accuracy_delta.mean_delta),
      d.accuracy_delta.ci95 === null
        ? '—'
        : `${points(d.accuracy_delta.ci95.low)} .. ${points(d.accuracy_delta.ci95.high)}`,
      d.verdict,
    ]),
  );
  return `\n\nLive answers, probe by probe (correct by match; count and causal answers also model-graded):\n\n${table}`;
}
