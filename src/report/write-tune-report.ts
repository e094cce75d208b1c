/**
 * Writes a tune's report folder atomically (into `<dir>.partial-<pid>`, renamed once complete; an
 * existing folder is never overwritten): tune.json, tune.md, the frontier chart (vega-lite spec, SVG,
 * PNG), a ready-to-use config file per Pareto-optimal point, and the two replays' own reports
 * (`search/`, `held-out/`).
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '../bench/replay-rows.ts';
import { PathError, TerseError } from '../errors.ts';
import { tuneFrontierChart } from './chart-tune-frontier.ts';
import { formatReduction } from './format-figures.ts';
import { renderChartPng, renderChartSvg } from './render-chart.ts';
import { renderTuneMarkdown, tuneConfigFile } from './render-tune-markdown.ts';
import type { TuneSummary } from './tune-summary.ts';
import { tunePointLabels } from './tune-point-labels.ts';
import { writeReport } from './write-report.ts';

/** What a tune report is written from. */
export interface TuneReportInput {
  readonly summary: TuneSummary;
  readonly search: RunResult;
  readonly heldOut: RunResult;
}

/** Refuses a folder that holds anything: it may be a stored tune. Call it before replaying as well. */
export async function refuseExisting(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => null);
  if (entries !== null && entries.length > 0)
    throw new PathError(dir, 'already exists and is not empty; refusing to overwrite stored results');
}

/** The JSON config file of a frontier point: its engine options, and where its figures came from. */
function configFile(summary: TuneSummary, name: string, label: string): string {
  const point = summary.points.find((p) => p.name === name);
  const search = summary.search.find((score) => score.config === name);
  const held = summary.held_out.find((score) => score.config === name);
  const figures = (score: typeof search): string =>
    score
      ? `effective ${formatReduction(score.effective_reduction)}, ${score.lost}/${score.discriminating} probes lost`
      : 'not replayed';
  const description = `terse tune on ${summary.suite} (${summary.run.id}): ${label}; search traces ${figures(search)}; held-out traces ${figures(held)}`;
  return `${JSON.stringify({ name, description, ...(point?.options ?? {}) }, null, 2)}\n`;
}

async function writeAll(input: TuneReportInput, partial: string): Promise<void> {
  const { summary } = input;
  await writeFile(path.join(partial, 'tune.json'), `${JSON.stringify(summary, null, 2)}\n`, { flag: 'wx' });
  await writeFile(path.join(partial, 'tune.md'), renderTuneMarkdown(summary), { flag: 'wx' });
  const spec = tuneFrontierChart(summary);
  const svg = await renderChartSvg(spec);
  await writeFile(path.join(partial, 'frontier.vl.json'), `${JSON.stringify(spec, null, 2)}\n`, { flag: 'wx' });
  await writeFile(path.join(partial, 'frontier.svg'), svg, { flag: 'wx' });
  await writeFile(path.join(partial, 'frontier.png'), await renderChartPng(svg), { flag: 'wx' });
  await mkdir(path.join(partial, 'configs'));
  const labels = tunePointLabels(summary.points);
  for (const name of summary.frontier.filter((config) => config !== summary.reference)) {
    await writeFile(path.join(partial, tuneConfigFile(name)), configFile(summary, name, labels.get(name) ?? name), {
      flag: 'wx',
    });
  }
  await writeReport(input.search, path.join(partial, 'search'));
  await writeReport(input.heldOut, path.join(partial, 'held-out'));
}

/** Writes the tune report into the new folder `outDir`; returns its path. */
export async function writeTuneReport(input: TuneReportInput, outDir: string): Promise<string> {
  const dir = path.resolve(outDir);
  await refuseExisting(dir);
  const partial = `${dir}.partial-${process.pid}`;
  try {
    await mkdir(path.dirname(dir), { recursive: true });
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial);
  } catch (error) {
    throw new PathError(dir, `cannot be prepared: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    await writeAll(input, partial);
    await rename(partial, dir);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    if (error instanceof TerseError) throw error;
    throw new PathError(dir, `could not be written: ${error instanceof Error ? error.message : String(error)}`);
  }
  return dir;
}
