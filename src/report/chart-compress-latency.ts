/** Chart: per-request compress latency, each pair's p50 and p95, strip per config. */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, configLabel, configsOf } from './chart-style.ts';
import type { Summary } from './summary.ts';

/** The vega-lite spec of the latency chart. */
export function compressLatencyChart(summary: Summary): TopLevelSpec {
  const values = summary.results
    // A pair without requests has no latency; its 0 would read as a measurement.
    .filter((row) => row.requests > 0)
    .flatMap((row) => [
      { trace: row.trace, config: configLabel(summary, row.config), statistic: 'p50', ms: row.p50_ms },
      { trace: row.trace, config: configLabel(summary, row.config), statistic: 'p95', ms: row.p95_ms },
    ]);
  return {
    title: {
      text: 'Compress latency per config',
      subtitle: 'one tick per trace: p50 and p95 of its per-request compress time',
    },
    config: CHART_CONFIG,
    data: { values },
    mark: { type: 'tick', thickness: 2, tooltip: true },
    width: 480,
    height: { step: 22 },
    encoding: {
      y: { field: 'config', type: 'nominal', title: 'config', sort: configsOf(summary) },
      yOffset: { field: 'statistic', type: 'nominal', scale: { domain: ['p50', 'p95'] } },
      x: { field: 'ms', type: 'quantitative', title: 'compress ms per request' },
      color: {
        field: 'statistic',
        type: 'nominal',
        title: 'percentile',
        scale: { domain: ['p50', 'p95'], range: ['#4c78a8', '#e45756'] },
      },
    },
  };
}
