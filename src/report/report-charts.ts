/** The charts of a report, as a name -> spec table (STYLE.md 12), and their SVGs rendered once per summary. */
import type { TopLevelSpec } from 'vega-lite';
import { compressLatencyChart } from './chart-compress-latency.ts';
import { fidelityVsReductionChart } from './chart-fidelity-vs-reduction.ts';
import { liveAccuracyChart } from './chart-live-accuracy.ts';
import { probeOutcomesChart } from './chart-probe-outcomes.ts';
import { reductionByWorkloadChart } from './chart-reduction-by-workload.ts';
import { tokensPerTraceChart } from './chart-tokens-per-trace.ts';
import { renderChartSvg } from './render-chart.ts';
import type { Summary } from './summary.ts';

/** Names of the report's charts; each is the stem of its files under `charts/`. */
export type ChartName =
  'fidelity-vs-reduction' | 'reduction-by-workload' | 'tokens-per-trace' | 'compress-latency' | 'probe-outcomes';

/** One chart: the caption report.html shows and the spec built from the summary. */
export interface ChartDefinition {
  readonly caption: string;
  readonly spec: (summary: Summary) => TopLevelSpec;
}

/** Every chart, in the order report.html shows them. */
export const REPORT_CHARTS: Readonly<Record<ChartName, ChartDefinition>> = {
  'fidelity-vs-reduction': { caption: 'Reduction against fidelity', spec: fidelityVsReductionChart },
  'reduction-by-workload': { caption: 'Token reduction by workload and config', spec: reductionByWorkloadChart },
  'tokens-per-trace': { caption: 'Tokens per trace, before and after', spec: tokensPerTraceChart },
  'compress-latency': { caption: 'Compress latency per config', spec: compressLatencyChart },
  'probe-outcomes': { caption: 'Probe outcomes per config', spec: probeOutcomesChart },
};

/** Charts only a live run has (`--live`), drawn after the others. */
export type LiveChartName = 'live-accuracy';

export const LIVE_CHARTS: Readonly<Record<LiveChartName, ChartDefinition>> = {
  'live-accuracy': { caption: 'Live accuracy against effective reduction', spec: liveAccuracyChart },
};

/** The caption of any chart. */
export function chartCaption(name: ChartName | LiveChartName): string {
  return name in REPORT_CHARTS ? REPORT_CHARTS[name as ChartName].caption : LIVE_CHARTS[name as LiveChartName].caption;
}

/** The chart the README embeds, from `charts/<name>.png` of a report. */
export const README_CHART: ChartName = 'fidelity-vs-reduction';

/** The chart names in showing order. */
export const CHART_NAMES = Object.keys(REPORT_CHARTS) as ChartName[];

/** A rendered chart: its spec and its SVG. */
export interface RenderedChart {
  readonly name: ChartName | LiveChartName;
  readonly spec: TopLevelSpec;
  readonly svg: string;
}

// Both charts/ and report.html need the SVGs of the same summary; rendering is the slow part.
const rendered = new WeakMap<Summary, Promise<readonly RenderedChart[]>>();

async function renderAll(summary: Summary): Promise<readonly RenderedChart[]> {
  const charts: RenderedChart[] = [];
  // One at a time: vega's SVG id counters are global, and rendering is CPU-bound anyway.
  for (const name of CHART_NAMES) {
    const spec = REPORT_CHARTS[name].spec(summary);
    charts.push({ name, spec, svg: await renderChartSvg(spec) });
  }
  if (summary.live) {
    for (const name of Object.keys(LIVE_CHARTS) as LiveChartName[]) {
      const spec = LIVE_CHARTS[name].spec(summary);
      charts.push({ name, spec, svg: await renderChartSvg(spec) });
    }
  }
  return charts;
}

/** Every chart of `summary` rendered to SVG, computed once per summary object. */
export function renderReportCharts(summary: Summary): Promise<readonly RenderedChart[]> {
  let charts = rendered.get(summary);
  if (charts === undefined) {
    charts = renderAll(summary);
    // A failed render is not cached, so a retry renders afresh.
    charts.catch(() => rendered.delete(summary));
    rendered.set(summary, charts);
  }
  return charts;
}
