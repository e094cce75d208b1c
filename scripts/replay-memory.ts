/**
 * `npm run perf:memory`: peak memory and wall time of replays, each in a fresh process (peak-rss.ts).
 * Every bundled suite with its own configurations, as `npm run bench` runs it, in one thread and on
 * every core (the speed-up of worker threads), and a large Claude Code
 * session file (100 MB and 1 GB, written by perf/large-session.ts into the system's temp folder)
 * replayed with `terse replay FILE --config balanced`, which streams one conversation at a time.
 * Prints a table; `-- --update-readme` writes it into README.md between its replay-memory markers.
 * `-- --sizes-mb 100` replays only the sessions of those sizes (a quick look; never for the README).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { environment } from '../src/config.ts';
import { collectTraceFiles, loadTrace } from '../src/bench/importers/load-session.ts';
import { markdownTable } from '../src/report/markdown-table.ts';
import { writeReadmeSection } from '../src/report/readme-table.ts';
import { writeLargeSession } from './perf/large-session.ts';
import { measurePeakRss, type PeakRun } from './perf/peak-rss.ts';

const LIMIT_MIB = 1024;
const updateReadme = process.argv.includes('--update-readme');
const sizesFlag = process.argv.indexOf('--sizes-mb');
const sizesMb = sizesFlag === -1 ? [100, 1024] : (process.argv[sizesFlag + 1] ?? '').split(',').map(Number);
if (sizesMb.some((mb) => !(mb > 0)) || (updateReadme && sizesFlag !== -1)) {
  process.stderr.write('perf:memory: --sizes-mb takes sizes in MB, comma-separated, and not with --update-readme\n');
  process.exit(2);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'terse-replay-memory-'));
const env = { ...process.env, CI: 'true' };
const rows: string[][] = [];
const mib = (value: number): string => `${Math.round(value).toLocaleString('en-US')} MiB`;
const check = (run: PeakRun): void => {
  if (run.exitCode !== 0) throw new Error(`terse ${run.args.join(' ')} exited ${run.exitCode}:\n${run.stderrTail}`);
};

try {
  const workers = os.availableParallelism();
  // The same run in one thread and on every core: the speed-up, and what each worker costs in memory.
  for (const threads of [...new Set([1, workers])]) {
    process.stderr.write(`perf:memory: every bundled suite, ${threads} worker${threads === 1 ? '' : 's'}\n`);
    const out = path.join(scratch, `bench-${threads}`);
    const bench = await measurePeakRss(
      environment.projectRoot,
      ['bench', '--workers', String(threads), '--out', out],
      env,
    );
    check(bench);
    const results = (
      JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as {
        results: { suite: string; trace: string }[];
      }
    ).results;
    const traces = new Set(results.map((row) => `${row.suite}/${row.trace}`)).size;
    rows.push([
      `\`npm run bench -- --workers ${threads}\`: every bundled suite, its configurations`,
      `${new Set(results.map((row) => row.suite)).size} suites, ${traces} traces, ${results.length} pairs`,
      String(threads),
      mib(bench.peakMiB),
      `${bench.seconds.toFixed(0)} s`,
      bench.peakMiB < LIMIT_MIB ? 'under 1 GiB' : 'OVER 1 GiB',
    ]);
  }

  let previous: { peak: number; file: number } | null = null;
  const sessions = await Promise.all(
    (await collectTraceFiles([path.join(environment.projectRoot, 'traces', 'local')])).map((file) => loadTrace(file)),
  );
  for (const mb of sizesMb) {
    const file = path.join(scratch, `session-${mb}mb.jsonl`);
    process.stderr.write(`perf:memory: writing a ${mb} MB Claude Code session\n`);
    const written = await writeLargeSession(file, sessions, mb * 1024 * 1024);
    process.stderr.write(`perf:memory: replaying it (${written.conversations} conversations)\n`);
    const run = await measurePeakRss(
      environment.projectRoot,
      ['replay', file, '--config', 'balanced', '--out', path.join(scratch, `replay-${mb}`)],
      env,
    );
    check(run);
    const fileMib = statSync(file).size / 1024 / 1024;
    // Bounded means the peak hardly moves with the file: each session row says how far it moved from the last.
    const growth =
      previous === null
        ? 'streamed: one conversation per worker at a time'
        : `${run.peakMiB >= previous.peak ? '+' : ''}${Math.round(run.peakMiB - previous.peak)} MiB for ${(fileMib / previous.file).toFixed(0)}x the file`;
    previous = { peak: run.peakMiB, file: fileMib };
    rows.push([
      `\`terse replay\` of a ${mb >= 1024 ? `${(mb / 1024).toFixed(0)} GB` : `${mb} MB`} Claude Code session, balanced`,
      `${mib(fileMib)}: ${written.conversations.toLocaleString('en-US')} conversations between compactions (${mib(written.turnBytes / 1024 / 1024)} of turns; the rest tool-result copies and sub-agent sidechains)`,
      String(workers),
      mib(run.peakMiB),
      `${run.seconds.toFixed(0)} s`,
      growth,
    ]);
    rmSync(file, { force: true });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const context = `node ${process.version} | ${os.cpus()[0]?.model.trim() ?? 'cpu'} | ${os.cpus().length} cores | ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB | load ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')} | peak resident set of the whole process (worker threads included), process.resourceUsage().maxRSS`;
const table = markdownTable(
  [
    { header: 'replay', align: 'left' },
    { header: 'input', align: 'left' },
    { header: 'workers', align: 'right' },
    { header: 'peak RSS', align: 'right' },
    { header: 'wall', align: 'right' },
    { header: '', align: 'left' },
  ],
  rows,
);
process.stdout.write(`${context}\n\n${table}\n`);
if (updateReadme) {
  const readme = path.join(environment.projectRoot, 'README.md');
  writeReadmeSection(readme, `\`${context}\`\n\n${table}`, 'replay-memory');
  process.stdout.write('README.md: replay-memory table updated\n');
}
