/** Chart (live runs): what a config saves against what the model still answers, one point per workload and config. */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, configColor, configLabel } from './chart-style.ts';
import type { Summary } from './summary.ts';

/**
 * Live accuracy (answers graded by match; count, causal and live-only ones also model-graded) against
 * effective reduction (net of what retrieving cost), at each probe's first scoring point.
 */
export function liveAccuracyChart(summary: Summary): TopLevelSpec {
  const values = (summary.live?.workloads ?? [])
    .filter((w) => w.point === 'first' && w.scored > 0)
    .map((w) => ({
      config: configLabel(summary, w.config),
      workload: `${w.suite}/${w.workload}`,
      effective_reduction: w.offline.effective_reduction,
      accuracy: w.accuracy,
      answered: w.scored,
    }));
  return {
    title: {
      text: 'Live accuracy against effective reduction',
      subtitle: 'one point per workload and config; correct by match, count and causal answers also model-graded',
    },
    config: CHART_CONFIG,
    data: { values },
    width: 420,
    height: 300,
    mark: { type: 'point', filled: true, size: 90, tooltip: true },
    encoding: {
      x: {
        field: 'effective_reduction',
        type: 'quantitative',
        title: 'effective reduction',
        axis: { format: '.0%' },
        scale: { domain: [0, 1] },
      },
      y: {
        field: 'accuracy',
        type: 'quantitative',
        title: 'live accuracy',
        axis: { format: '.0%' },
        scale: { domain: [0, 1] },
      },
      color: configColor(summary),
      shape: { field: 'workload', type: 'nominal', title: 'workload' },
    },
  };
}
