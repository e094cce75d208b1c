/**
 * Re-draws the README's chart (docs/images/fidelity-vs-reduction.png) from a report's summary.json,
 * without replaying anything: `npx tsx scripts/render-readme-chart.ts reports/<run-id>`. `npm run
 * bench -- --update-readme` draws the same file at the end of a full run.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { environment } from '../src/config.ts';
import { readSummary } from '../src/report/read-summary.ts';
import { renderChartPng, renderChartSvg } from '../src/report/render-chart.ts';
import { README_CHART, REPORT_CHARTS } from '../src/report/report-charts.ts';

const given = process.argv[2];
if (given === undefined) {
  process.stderr.write('usage: tsx scripts/render-readme-chart.ts REPORT_FOLDER|summary.json\n');
  process.exit(2);
}
const summary = await readSummary(given);
const svg = await renderChartSvg(REPORT_CHARTS[README_CHART].spec(summary));
const file = path.join(environment.projectRoot, 'docs', 'images', `${README_CHART}.png`);
writeFileSync(file, await renderChartPng(svg));
const width = /width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? '?';
process.stdout.write(
  `${path.relative(process.cwd(), file)}: from run ${summary.run.id}, SVG ${width} px wide, PNG drawn at 2x\n`,
);
