/**
 * How fast the `terse` command starts and compresses, measured on this machine in fresh processes
 * (`npm run bench:cli`; `-- --update-readme` writes the table into the README). Measures the bin the
 * package installs (compiled dist/, built first), and the dev path `tsx src/cli.ts` beside it;
 * `--bin PATH` measures another bin instead (an older checkout's, for a before/after).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { environment } from '../src/config.ts';
import { sourceCli } from '../src/cli/source-cli.ts';
import { writeReadmeSection } from '../src/report/readme-table.ts';
import { formatTable, ms, type BenchRow } from './engine-bench/bench-table.ts';

const RUNS = 7;
const HELP_TARGET_MS = 300;
const COMPRESS_TARGET_MS = 1000;
/** A real 288 KB log (loghub HDFS, 2,000 lines) when ../shared is there, else the largest local session file. */
const LOG = path.join(environment.sharedDir, 'corpus', 'loghub', 'HDFS', 'HDFS_2k.log');
const FALLBACK = path.join(environment.projectRoot, 'traces', 'local', 'local-exploration-tree-sitter-rust.jsonl');

const root = environment.projectRoot;
const argBin = process.argv.indexOf('--bin');
const otherBin = argBin === -1 ? null : (process.argv[argBin + 1] ?? null);
const updateReadme = process.argv.includes('--update-readme');
if (otherBin !== null && updateReadme) {
  // The README's table is this checkout's own figures, never another bin's.
  process.stderr.write('bench-cli: --update-readme measures this checkout; leave out --bin\n');
  process.exit(2);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Wall time of one fresh process, in ms, with a fresh store; throws when it fails. */
function timeOnce(argv: readonly string[]): number {
  const store = mkdtempSync(path.join(os.tmpdir(), 'terse-bench-cli-store-'));
  try {
    const started = performance.now();
    // An older bin (--bin) keeps its store in one DuckDB file; this one's default is a folder.
    const location = otherBin === null ? store : path.join(store, 'store.duckdb');
    const run = spawnSync(process.execPath, argv, {
      encoding: 'utf8',
      env: { ...process.env, TERSE_STORE: location, CI: 'true' },
      maxBuffer: 1 << 26,
    });
    const elapsed = performance.now() - started;
    if (run.status !== 0)
      throw new Error(`${argv.join(' ')} exited ${String(run.status)}: ${run.stderr.slice(0, 300)}`);
    return elapsed;
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
}

function measure(label: string, argv: readonly string[], target: number | null): BenchRow {
  timeOnce(argv); // one unmeasured run: the disk cache, as a user's second call finds it
  const times = Array.from({ length: RUNS }, () => timeOnce(argv));
  const p50 = median(times);
  return {
    measure: `${label}: wall time, median of ${RUNS} fresh processes`,
    figure: `${ms(p50)} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`,
    target: target === null ? '' : `< ${target} ms`,
    pass: target === null ? null : p50 < target,
  };
}

const input = existsSync(LOG) ? LOG : FALLBACK;
const inputLabel = `${path.basename(input)} (${Math.round(readFileSync(input).length / 1024)} KB)`;
const rows: BenchRow[] = [];
const sets: { name: string; argv: string[]; targets: boolean }[] = [];
if (otherBin !== null) {
  sets.push({ name: otherBin, argv: [otherBin], targets: true });
} else {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  sets.push({ name: 'bin/terse.js (dist/, as installed)', argv: [path.join(root, 'bin', 'terse.js')], targets: true });
  sets.push({ name: 'tsx src/cli.ts (dev path)', argv: sourceCli(root), targets: false });
}
for (const set of sets) {
  rows.push(measure(`${set.name} --help`, [...set.argv, '--help'], set.targets ? HELP_TARGET_MS : null));
  rows.push(
    measure(
      `${set.name} compress ${inputLabel}`,
      [...set.argv, 'compress', input],
      set.targets ? COMPRESS_TARGET_MS : null,
    ),
  );
}

const cpu =
  os
    .cpus()[0]
    ?.model.replace(/\s+\d+-Core Processor.*$/, '')
    .trim() ?? 'unknown cpu';
const sha =
  spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim() || 'unknown';
// The load average says how much the figures shared the machine with other work.
const machine = `git ${sha} | node ${process.version} | ${cpu} | ${os.cpus().length} cores | load ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`;
const table = formatTable(rows);
console.log(`${machine}\n\n${table}`);
if (updateReadme) {
  const readme = path.join(root, 'README.md');
  writeReadmeSection(readme, `\`\`\`text\n${machine}\n\n${table}\n\`\`\``, 'cli-bench');
  console.log('README.md: cli-bench table updated');
}
