/** Writes `charts/`: for each chart its vega-lite spec, its SVG and its PNG (the README embeds the PNG). */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderChartPng } from './render-chart.ts';
import { renderReportCharts } from './report-charts.ts';
import type { Summary } from './summary.ts';

/** Creates the folder `dir` and writes `<chart>.vl.json`, `<chart>.svg` and `<chart>.png` into it. */
export async function writeCharts(summary: Summary, dir: string): Promise<void> {
  await mkdir(dir);
  for (const chart of await renderReportCharts(summary)) {
    const file = (extension: string): string => path.join(dir, `${chart.name}.${extension}`);
    // `wx`: a report file is written once; an existing file means something is wrong, not stale.
    await writeFile(file('vl.json'), `${JSON.stringify(chart.spec, null, 2)}\n`, { flag: 'wx' });
    await writeFile(file('svg'), chart.svg, { flag: 'wx' });
    await writeFile(file('png'), await renderChartPng(chart.svg), { flag: 'wx' });
  }
}
