/** Chart: token reduction of each workload under each config, grouped bars, one panel per suite. */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, configColor, configLabel, configsOf } from './chart-style.ts';
import type { Summary, WorkloadSummary } from './summary.ts';

/** Roughly how wide DejaVu Sans draws a character of an 11px axis label. */
const LABEL_CHARACTER_PX = 7;

/**
 * With an offset channel the step is one bar's: wide enough for the figure above it, and, with the
 * other bars of its workload, for the workload's name below.
 */
function barStep(rows: readonly WorkloadSummary[], configs: number): number {
  const longest = Math.max(0, ...rows.map((row) => row.workload.length));
  return Math.max(30, Math.ceil((longest * LABEL_CHARACTER_PX + 16) / Math.max(1, configs)));
}

/** The vega-lite spec of the reduction chart (the one the README embeds). */
export function reductionByWorkloadChart(summary: Summary): TopLevelSpec {
  const suites = [...new Set(summary.workloads.map((row) => row.suite))];
  const configs = configsOf(summary);
  const x = { field: 'workload', type: 'nominal', title: 'workload', sort: null, axis: { labelAngle: 0 } } as const;
  const xOffset = { field: 'config', type: 'nominal', scale: { domain: configs } } as const;
  const y = {
    field: 'reduction',
    type: 'quantitative',
    title: 'reduction',
    axis: { format: '.0%' },
    scale: { domainMin: 0, nice: true },
  } as const;
  return {
    title: {
      text: 'Token reduction by workload and config',
      subtitle: '1 - tokens after / tokens before, summed over every replayed request',
    },
    config: CHART_CONFIG,
    // One panel per suite, built here rather than by a vega-lite facet (whose layered, independent
    // scales vega-lite warns about), so each lists only its own workloads.
    // Two panels a row: four suites side by side make a chart too wide to read in a README.
    columns: 2,
    concat: suites.map((suite) => {
      const rows = summary.workloads.filter((row) => row.suite === suite);
      return {
        title: { text: `suite ${suite}`, fontSize: 12, anchor: 'middle' },
        data: {
          values: rows.map(({ workload, config, reduction, traces }) => ({
            workload,
            config: configLabel(summary, config),
            reduction,
            traces,
          })),
        },
        width: { step: barStep(rows, configs.length) },
        height: 220,
        layer: [
          { mark: { type: 'bar', tooltip: true }, encoding: { x, xOffset, y, color: configColor(summary) } },
          {
            // The figure on each bar, so the baseline's 0% shows and nobody reads percentages off an axis.
            mark: { type: 'text', dy: -6, fontSize: 9, color: '#333' },
            encoding: { x, xOffset, y, text: { field: 'reduction', type: 'quantitative', format: '.1%' } },
          },
        ],
      };
    }),
    // One reduction axis for every suite, so bars compare across panels.
    resolve: { scale: { x: 'independent', y: 'shared', color: 'shared' } },
  };
}
