/** Chart: offline probe outcomes per config, stacked bars. */
import type { TopLevelSpec } from 'vega-lite';
import { PROBE_OUTCOMES, type ProbeOutcome } from '../bench/probe.ts';
import { CHART_CONFIG, configsOf } from './chart-style.ts';
import type { Summary } from './summary.ts';

/** Each outcome's colour: good to bad, green to red. A Record, so a new outcome fails to compile here. */
const OUTCOME_COLOURS: Readonly<Record<ProbeOutcome, string>> = {
  survived: '#54a24b',
  retrievable: '#4c78a8',
  lost: '#f58518',
  fabricated: '#e45756',
};

/** The vega-lite spec of the probe outcomes chart; live-only probes are left out, as offline scoring does. */
export function probeOutcomesChart(summary: Summary): TopLevelSpec {
  const values = summary.results.flatMap((row) =>
    PROBE_OUTCOMES.map((outcome, rank) => ({ config: row.config, outcome, rank, probes: row.probes[outcome] })),
  );
  return {
    title: { text: 'Probe outcomes per config', subtitle: 'offline fidelity of every probe over every trace' },
    config: CHART_CONFIG,
    data: { values },
    mark: { type: 'bar', tooltip: true },
    width: 480,
    height: { step: 26 },
    encoding: {
      y: { field: 'config', type: 'nominal', title: 'config', sort: configsOf(summary) },
      x: { aggregate: 'sum', field: 'probes', type: 'quantitative', title: 'probes', axis: { tickMinStep: 1, format: 'd' } },
      color: {
        field: 'outcome',
        type: 'nominal',
        title: 'outcome',
        scale: { domain: [...PROBE_OUTCOMES], range: PROBE_OUTCOMES.map((outcome) => OUTCOME_COLOURS[outcome]) },
      },
      order: { field: 'rank', type: 'ordinal' },
    },
  };
}
