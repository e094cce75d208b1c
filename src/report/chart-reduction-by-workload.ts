/** Chart: token reduction of each workload under each config, grouped bars, one panel per suite. */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, configColor, configsOf } from './chart-style.ts';
import type { Summary, WorkloadSummary } from './summary.ts';

function suitePanel(suite: string, rows: readonly WorkloadSummary[], summary: Summary) {
  const configs = configsOf(summary);
  const x = { field: 'workload', type: 'nominal', title: 'workload', sort: null, axis: { labelAngle: 0 } } as const;
  const xOffset = { field: 'config', type: 'nominal', scale: { domain: configs } } as const;
  const y = { field: 'reduction', type: 'quantitative', title: 'reduction', axis: { format: '.0%' }, scale: { domainMin: 0, nice: true } } as const;
  return {
    title: { text: `suite ${suite}`, fontSize: 12, anchor: 'middle' },
    data: { values: rows.map(({ workload, config, reduction, traces }) => ({ workload, config, reduction, traces })) },
    // With an offset channel the step is one bar's, so a workload is as wide as its configs need.
    width: { step: 22 },
    height: 220,
    layer: [
      { mark: { type: 'bar', tooltip: true }, encoding: { x, xOffset, y, color: configColor(summary) } },
      {
        // The figure on each bar, so the baseline's 0% shows and nobody reads percentages off an axis.
        mark: { type: 'text', dy: -6, fontSize: 9, color: '#333' },
        encoding: { x, xOffset, y, text: { field: 'reduction', type: 'quantitative', format: '.1%' } },
      },
    ],
  } as const;
}

/** The vega-lite spec of the reduction chart (the one the README embeds). */
export function reductionByWorkloadChart(summary: Summary): TopLevelSpec {
  const suites = [...new Set(summary.workloads.map((row) => row.suite))];
  return {
    title: { text: 'Token reduction by workload and config', subtitle: '1 - tokens after / tokens before, summed over every replayed request' },
    config: CHART_CONFIG,
    // One panel per suite, built here rather than by a vega-lite facet, so each lists only its own workloads.
    hconcat: suites.map((suite) => suitePanel(suite, summary.workloads.filter((row) => row.suite === suite), summary)),
    // One reduction axis for every suite, so bars compare across panels.
    resolve: { scale: { x: 'independent', y: 'shared', color: 'shared' } },
  };
}
