/** `terse view [RUN] [--compare A] [--port N] [--no-open]`: serves a report on localhost and opens it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { environment } from '../config.ts';
import { ConfigError, PathError } from '../errors.ts';
import { compareSummaries } from '../report/compare-runs.ts';
import { readSummary } from '../report/read-summary.ts';
import { comparisonPage } from '../report/explore/comparison-page.ts';
import { serveReport } from '../report/explore/serve-report.ts';
import { openBrowser } from './open-browser.ts';

export interface ViewCommandOptions {
  /** A report folder, its report.html, or a run id under the reports folder; the newest report when absent. */
  readonly run: string | undefined;
  /** A baseline report to compare the run with. */
  readonly compare?: string | undefined;
  readonly port: number;
  readonly open: boolean;
}

const hasReport = (dir: string): boolean =>
  statSync(path.join(dir, 'report.html'), { throwIfNoEntry: false })?.isFile() === true;

/** The newest report folder under `reportsDir` (run ids sort by time). */
function newestReport(reportsDir: string): string {
  const names = statSync(reportsDir, { throwIfNoEntry: false })?.isDirectory()
    ? readdirSync(reportsDir).sort().reverse()
    : [];
  const found = names.map((name) => path.join(reportsDir, name)).find(hasReport);
  if (found === undefined)
    throw new PathError(reportsDir, 'holds no report; run `terse replay FILE` first, or name a report folder');
  return found;
}

/** The report folder `given` names: a folder, its report.html, or a run id under the reports folder. */
export function resolveReportFolder(given: string | undefined, reportsDir: string): string {
  if (given === undefined) return newestReport(reportsDir);
  const candidates = [path.resolve(given), path.join(reportsDir, given)];
  for (const candidate of candidates) {
    const info = statSync(candidate, { throwIfNoEntry: false });
    if (info?.isFile() && path.basename(candidate) === 'report.html') return path.dirname(candidate);
    if (info?.isDirectory()) {
      if (hasReport(candidate)) return candidate;
      throw new PathError(candidate, 'holds no report.html');
    }
  }
  throw new PathError(given, `no such report folder (nor a run under ${reportsDir})`);
}

/** Serves until SIGINT or SIGTERM; prints the URL on stdout. */
export async function viewCommand(options: ViewCommandOptions): Promise<number> {
  const dir = resolveReportFolder(options.run, environment.reportsDir);
  const htmlFile = path.join(dir, 'report.html');
  let page = readFileSync(htmlFile, 'utf8');
  if (options.compare !== undefined) {
    const baseline = resolveReportFolder(options.compare, environment.reportsDir);
    const comparison = compareSummaries(await readSummary(baseline), await readSummary(dir));
    page = comparisonPage(page, comparison, htmlFile);
  }
  const served = await serveReport(dir, page, { port: options.port, host: '127.0.0.1' }).catch(
    (error: NodeJS.ErrnoException) => {
      throw new ConfigError(
        '--port',
        error.code === 'EADDRINUSE' ? `127.0.0.1:${options.port} is in use` : error.message,
      );
    },
  );
  const url = options.compare === undefined ? served.url : `${served.url}#comparison`;
  process.stdout.write(`serving ${dir} at ${url} (Ctrl-C stops)\n`);
  if (options.open && !(await openBrowser(url))) process.stderr.write(`terse: no browser opener found; open ${url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await served.close();
  return 0;
}
