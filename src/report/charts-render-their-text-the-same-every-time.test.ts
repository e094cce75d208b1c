import { describe, expect, it } from 'vitest';
import { HUNDRED_TRACE_RUN } from './__fixtures__/hundred-trace-run-result.ts';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { renderChartPng, renderChartSvg } from './render-chart.ts';
import { CHART_NAMES, REPORT_CHARTS, chartCaption, renderReportCharts, type ChartName } from './report-charts.ts';
import { summarize } from './summarize.ts';
import type { Summary } from './summary.ts';

const summary = summarize(SMOKE_RUN);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The text of every `<text>` element, entities decoded as a reader would see them. */
function textsOf(svg: string): string[] {
  const decode = (text: string): string =>
    text
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&');
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => decode(match[1] ?? ''));
}

/** Texts each chart must draw beyond the config names: its titles and axis titles. */
const EXPECTED_TEXT: Readonly<Record<ChartName, readonly string[]>> = {
  'fidelity-vs-reduction': [
    'Reduction against fidelity',
    'reduction net of retrieval',
    'probes lost when needed',
    'suite smoke',
    'suite swe',
    'config',
  ],
  'reduction-by-workload': [
    'Token reduction by workload and config',
    'reduction',
    'workload',
    'suite smoke',
    'suite swe',
    'code-search',
    '37.1%',
  ],
  'tokens-per-trace': [
    'Tokens per trace, before and after',
    'tokens',
    'trace',
    'before compression',
    'cs-ripgrep-auth',
    'triage-flaky-test',
  ],
  'compress-latency': ['Compress latency per config', 'compress ms per request', 'config', 'percentile', 'p50', 'p95'],
  'probe-outcomes': ['Probe outcomes per config', 'probes', 'config', 'survived', 'retrieved', 'lost', 'fabricated'],
};

describe('report charts', () => {
  it.each(CHART_NAMES)('%s draws its titles, axis titles and every config as SVG text', async (name) => {
    const texts = textsOf(await renderChartSvg(REPORT_CHARTS[name].spec(summary)));
    expect(texts).toEqual(expect.arrayContaining([...EXPECTED_TEXT[name], 'none', 'json-minify']));
  });

  it('gives the same SVG bytes for the same summary, whatever was rendered before', async () => {
    const renderAll = async (from: Summary): Promise<string[]> => {
      const svgs: string[] = [];
      for (const name of CHART_NAMES) svgs.push(await renderChartSvg(REPORT_CHARTS[name].spec(from)));
      return svgs;
    };
    const first = await renderAll(summary);
    // Another run's charts in between would shift any id counter or cache that leaks between renders.
    await renderReportCharts(summarize(HUNDRED_TRACE_RUN));
    expect(await renderAll(summarize(SMOKE_RUN))).toEqual(first);
  });

  it('renders a PNG with the signature, and the text drawn in the bundled font', async () => {
    const svg = await renderChartSvg(REPORT_CHARTS['reduction-by-workload'].spec(summary));
    const png = await renderChartPng(svg);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(png.length).toBeGreaterThan(10_000);
    // Text resvg cannot draw vanishes silently: the picture would equal the one without any text.
    const withoutText = await renderChartPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
    expect(png.equals(withoutText)).toBe(false);
  });

  it('escapes names that look like markup', async () => {
    const hostile: Summary = {
      ...summary,
      results: summary.results.map((row) => ({ ...row, config: row.config === 'none' ? '<b>&"none"' : row.config })),
    };
    const svg = await renderChartSvg(REPORT_CHARTS['probe-outcomes'].spec(hostile));
    expect(svg).not.toContain('<b>');
    expect(textsOf(svg)).toContain('<b>&"none"');
  });

  it('renders every chart of a run where no pair replayed', async () => {
    const empty: Summary = { ...summary, results: [], workloads: [] };
    for (const chart of await renderReportCharts(empty)) {
      expect(chart.svg).toMatch(/^<svg /);
      expect(textsOf(chart.svg)).toContain(chartCaption(chart.name));
    }
  });

  it('draws all 100 traces of a bench-sized run, each chart once per summary', async () => {
    const big = summarize(HUNDRED_TRACE_RUN);
    const charts = await renderReportCharts(big);
    expect(await renderReportCharts(big)).toBe(charts);
    expect(charts.map((chart) => chart.name)).toEqual(CHART_NAMES);
    const tokens = textsOf(charts.find((chart) => chart.name === 'tokens-per-trace')?.svg ?? '');
    for (const trace of HUNDRED_TRACE_RUN.traces) expect(tokens).toContain(trace.trace);
  });
});
