/** Chart: each trace's tokens before compression and after it under each config, dots on a log scale. */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, configColor, configLabel } from './chart-style.ts';
import type { Summary } from './summary.ts';

/** The legend entry of a trace's raw token count. */
export const BEFORE_LABEL = 'before compression';

interface TraceSpan {
  readonly trace: string;
  readonly before: number;
  readonly lowest: number;
  readonly highest: number;
}

function spansOf(summary: Summary): TraceSpan[] {
  const spans = new Map<string, TraceSpan>();
  for (const row of summary.results) {
    const span = spans.get(row.trace);
    // Every config replays the same requests, so a trace has one raw count.
    spans.set(row.trace, {
      trace: row.trace,
      before: row.tokens_before,
      lowest: Math.min(span?.lowest ?? row.tokens_before, row.tokens_after),
      highest: Math.max(span?.highest ?? row.tokens_before, row.tokens_after),
    });
  }
  return [...spans.values()];
}

/**
 * Traces the chart draws at most: past a few hundred rows it is too tall to read, and vega-lite
 * compiles an explicit sort order of thousands of names into an expression too deep to evaluate (a
 * streamed 1 GB session is 1,455 traces). A larger run shows its largest traces, and says so.
 */
export const MAX_CHART_TRACES = 150;

/** The vega-lite spec of the per-trace tokens chart. */
export function tokensPerTraceChart(summary: Summary): TopLevelSpec {
  const all = spansOf(summary);
  const spans =
    all.length <= MAX_CHART_TRACES
      ? all
      : [...all].sort((a, b) => b.before - a.before || (a.trace < b.trace ? -1 : 1)).slice(0, MAX_CHART_TRACES);
  const shown = new Set(spans.map((span) => span.trace));
  // A log scale has no place for 0; a pair with no tokens has nothing to show.
  const after = summary.results
    .filter((row) => row.tokens_after > 0 && shown.has(row.trace))
    .map((row) => ({ trace: row.trace, config: configLabel(summary, row.config), tokens: row.tokens_after }));
  // Trace names run long (`local-issue-triage-dependency-advisory`) and are the point of this chart;
  // vega caps an axis at 200px by default and would put the title over them.
  const y = {
    field: 'trace',
    type: 'nominal',
    title: 'trace',
    sort: spans.map((span) => span.trace),
    axis: { labelLimit: 400, maxExtent: 420 },
  } as const;
  // Not nice: a log scale rounds out to powers of ten, squeezing traces that differ by 2x into a sliver.
  const x = {
    type: 'quantitative',
    title: 'tokens',
    scale: { type: 'log', nice: false, padding: 14 },
    axis: { format: '~s' },
  } as const;
  return {
    title: {
      text: 'Tokens per trace, before and after',
      subtitle:
        all.length <= MAX_CHART_TRACES
          ? 'summed over every replayed request; log scale'
          : `summed over every replayed request; log scale; the ${MAX_CHART_TRACES} largest of ${all.length} traces`,
    },
    config: CHART_CONFIG,
    width: 480,
    height: { step: 16 },
    layer: [
      {
        data: { values: spans.filter((span) => span.lowest > 0) },
        mark: { type: 'rule', color: '#bbb' },
        encoding: { y, x: { ...x, field: 'lowest' }, x2: { field: 'highest' } },
      },
      {
        data: { values: after },
        mark: { type: 'point', filled: true, size: 50, opacity: 0.9, tooltip: true },
        encoding: { y, x: { ...x, field: 'tokens' }, color: configColor(summary) },
      },
      {
        // Drawn last and hollow: the `none` config sits exactly on it and must not hide it.
        data: { values: spans.filter((span) => span.before > 0) },
        mark: {
          type: 'point',
          shape: 'diamond',
          filled: false,
          size: 140,
          strokeWidth: 1.5,
          color: '#333',
          tooltip: true,
        },
        encoding: {
          y,
          x: { ...x, field: 'before' },
          shape: { datum: BEFORE_LABEL, type: 'nominal', title: null, scale: { range: ['diamond'] } },
        },
      },
    ],
  };
}
