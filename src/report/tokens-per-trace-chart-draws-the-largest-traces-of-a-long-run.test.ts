import { describe, expect, it } from 'vitest';
import { manyTraceRun } from './__fixtures__/hundred-trace-run-result.ts';
import { MAX_CHART_TRACES, tokensPerTraceChart } from './chart-tokens-per-trace.ts';
import { renderChartSvg } from './render-chart.ts';
import { summarize } from './summarize.ts';

describe('the tokens-per-trace chart of a run of 1,500 traces (a streamed session file)', () => {
  it('renders, drawing the largest traces and saying how many of how many', async () => {
    const summary = summarize(manyTraceRun(1_500));
    const spec = tokensPerTraceChart(summary);
    const svg = await renderChartSvg(spec);
    expect(svg).toContain(`the ${MAX_CHART_TRACES} largest of 1500 traces`);
    const largest =
      [...new Map(summary.results.map((row) => [row.trace, row.tokens_before])).entries()].sort(
        (a, b) => b[1] - a[1],
      )[0]?.[0] ?? '';
    expect(svg).toContain(largest);
  });
});
