import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { escapeHtml } from './escape-html.ts';
import { renderReportHtml } from './render-html.ts';
import { CHART_NAMES, renderReportCharts } from './report-charts.ts';
import { summarize } from './summarize.ts';
import type { Summary } from './summary.ts';
import { writeReport, type ReportPaths } from './write-report.ts';
import { exploreData } from './explore/explore-data.ts';

const summary = summarize(SMOKE_RUN);
let tempDir: string;
let paths: ReportPaths;
let html: string;

/** Every `<td>` cell's text, entities left as they are. */
function cells(page: string): string[] {
  return [...page.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((match) => match[1] ?? '');
}

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'terse-report-html-'));
  paths = await writeReport(SMOKE_RUN, path.join(tempDir, SMOKE_RUN.run.id));
  html = await readFile(paths.files['report.html'], 'utf8');
});

afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

describe('report.html', () => {
  it('opens with the run id, git sha, node and tokenizer', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`<title>terse bench ${SMOKE_RUN.run.id}</title>`);
    for (const value of [SMOKE_RUN.run.id, 'a1b2c3d', 'v20.19.5', 'o200k_base', '2026-11-25T15:40:23.123Z']) {
      expect(html).toContain(`<code>${value}</code>`);
    }
  });

  it('holds every trace and config of the summary in its tables, the errored pair too', () => {
    const texts = cells(html);
    for (const row of summary.results) {
      expect(texts).toEqual(expect.arrayContaining([row.trace, row.config]));
    }
    expect(texts).toContain('42.6%');
    expect(texts).toContain(escapeHtml(summary.errors[0]?.error ?? 'missing'));
    expect(html.match(/<tr><td>smoke<\/td><td>code-search<\/td><td>cs-ripgrep-auth<\/td>/g)).toHaveLength(2);
  });

  it('inlines every chart as SVG and its own script, with nothing to load over the network', () => {
    expect(html.match(/<svg /g)).toHaveLength(CHART_NAMES.length);
    for (const name of CHART_NAMES) expect(html).toContain(`<figure id="chart-${name}">`);
    // Two JSON data islands and the page's script; no script, style or frame comes from elsewhere.
    expect(html.match(/<script[ >]/g)).toHaveLength(3);
    expect(html).not.toMatch(/<script[^>]*\ssrc=|<link|<iframe|<img|@import/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/url\((?!#)/);
    // Charts come before every table.
    expect(html.indexOf('<section id="charts">')).toBeLessThan(html.indexOf('<table'));
  });

  it('escapes every name and message, in tables and charts alike', async () => {
    const hostile: Summary = {
      ...summary,
      run: { ...summary.run, id: '<script src="https://evil.example/x.js"></script>' },
      results: summary.results.map((row) => ({
        ...row,
        trace: row.trace === 'sre-oom-kill' ? '<img src=x onerror=alert(1)>' : row.trace,
      })),
      errors: [{ trace: 't', config: "it's", error: '</td></table><b>broken</b> & "quoted"' }],
    };
    const page = renderReportHtml(hostile, await renderReportCharts(hostile));
    expect(page).not.toMatch(/<script|<img|<b>/);
    // The same names inside the page's embedded data cannot close its script element either.
    const explore = exploreData(SMOKE_RUN, hostile, () => false, 0);
    const withData = renderReportHtml(hostile, await renderReportCharts(hostile), {}, explore);
    expect(withData.match(/<script[ >]/g)).toHaveLength(3);
    expect(withData).not.toMatch(/<img|<b>|<\/script><script src/);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;/td&gt;&lt;/table&gt;&lt;b&gt;broken&lt;/b&gt; &amp; &quot;quoted&quot;');
    expect(page).toContain('it&#39;s');
  });

  it('sits in the report folder beside a PNG and an SVG of each chart', async () => {
    const files = await readdir(paths.files.charts);
    for (const name of CHART_NAMES)
      expect(files).toEqual(expect.arrayContaining([`${name}.png`, `${name}.svg`, `${name}.vl.json`]));
    const png = await readFile(path.join(paths.files.charts, 'reduction-by-workload.png'));
    expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    expect(png.length).toBeGreaterThan(10_000);
  });
});
