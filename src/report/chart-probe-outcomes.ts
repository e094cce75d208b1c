/** Chart: offline fidelity per config: what became of the discriminating probes, and near misses invented. */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, configLabel, configsOf } from './chart-style.ts';
import type { ProbeCounts, Summary } from './summary.ts';

/** The outcomes the chart stacks, good to bad. */
type ChartedOutcome = keyof Pick<ProbeCounts, 'survived' | 'retrieved' | 'lost' | 'fabricated'>;
const CHARTED: readonly ChartedOutcome[] = ['survived', 'retrieved', 'lost', 'fabricated'];

/** Each outcome's colour: green to red. A Record, so a new outcome fails to compile here. */
const OUTCOME_COLOURS: Readonly<Record<ChartedOutcome, string>> = {
  survived: '#54a24b',
  retrieved: '#4c78a8',
  lost: '#f58518',
  fabricated: '#e45756',
};

/**
 * The vega-lite spec of the probe outcomes chart, at each probe's first scoring point: survived,
 * retrieved and lost of the discriminating probes, and the near-miss negatives that appeared.
 */
export function probeOutcomesChart(summary: Summary): TopLevelSpec {
  const values = summary.results.flatMap((row) =>
    CHARTED.map((outcome, rank) => ({
      config: configLabel(summary, row.config),
      outcome,
      rank,
      probes: row.probes[outcome],
    })),
  );
  return {
    title: {
      text: 'Probe outcomes per config',
      subtitle: 'discriminating probes when first needed (answer-blind reader), and near misses invented',
    },
    config: CHART_CONFIG,
    data: { values },
    mark: { type: 'bar', tooltip: true },
    width: 480,
    height: { step: 26 },
    encoding: {
      y: { field: 'config', type: 'nominal', title: 'config', sort: configsOf(summary) },
      x: {
        aggregate: 'sum',
        field: 'probes',
        type: 'quantitative',
        title: 'probes',
        axis: { tickMinStep: 1, format: 'd' },
      },
      color: {
        field: 'outcome',
        type: 'nominal',
        title: 'outcome',
        scale: { domain: [...CHARTED], range: CHARTED.map((outcome) => OUTCOME_COLOURS[outcome]) },
      },
      order: { field: 'rank', type: 'ordinal' },
    },
  };
}
