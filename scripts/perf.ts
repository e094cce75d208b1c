/**
 * `npm run perf`: every compressor's time on real content from 1k to 1M tokens, with tinybench,
 * beside the limits measured in the same run (counting the tokens, JSON.parse, tree-sitter parse)
 * and a no-op. Measures first (perf/perf-measure.ts), then presents: a table, a log-log scaling
 * chart, and perf.json with every row, in reports/perf-<stamp>/. `-- --update-readme` writes the
 * table into README.md between its perf markers and the chart to docs/images/perf-scaling.png.
 * `-- --sizes 1000,10000` measures fewer sizes (a quick look; never for the README). `-- --from
 * reports/perf-<stamp>/perf.json` presents a run's measurements again without measuring.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { environment } from '../src/config.ts';
import { prepareDefaultRegistry } from '../src/engine/default-registry.ts';
import { writeReadmeSection } from '../src/report/readme-table.ts';
import { renderChartPng, renderChartSvg } from '../src/report/render-chart.ts';
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';
import { perfScalingChart } from './perf/perf-chart.ts';
import { loadMaterials } from './perf/perf-materials.ts';
import { measurePerf, PERF_SIZES, type PerfRow } from './perf/perf-measure.ts';
import { renderPerfTable } from './perf/perf-table.ts';

const updateReadme = process.argv.includes('--update-readme');
const sizesFlag = process.argv.indexOf('--sizes');
const sizes = sizesFlag === -1 ? PERF_SIZES : (process.argv[sizesFlag + 1] ?? '').split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 100)) {
  process.stderr.write('perf: --sizes takes token counts of 100 or more, comma-separated (e.g. 1000,10000)\n');
  process.exit(2);
}
if (updateReadme && sizesFlag !== -1) {
  process.stderr.write('perf: --update-readme measures every size; drop --sizes\n');
  process.exit(2);
}

function gitSha(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: environment.projectRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** A run's measurements: its context line, where each input came from, every row. */
interface PerfRun {
  readonly version: 1;
  readonly context: string;
  readonly sources: Readonly<Record<string, string>>;
  readonly rows: readonly PerfRow[];
}

async function measure(): Promise<PerfRun> {
  await prepareDefaultRegistry();
  const { materials, suites } = await loadMaterials(environment.projectRoot, createTokenRuler('o200k_base'));
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const rows = await measurePerf(materials, sizes, (size) =>
    process.stderr.write(
      `perf: ${size.toLocaleString('en-US')} tokens measured (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
    ),
  );
  // The context every figure was measured in: the load average says how much the machine was shared.
  const context = `git ${gitSha()} | node ${process.version} | ${os.cpus()[0]?.model.trim() ?? 'cpu'} | ${os.cpus().length} cores | load ${load} -> ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )} | tinybench | o200k_base, warm BPE | profile balanced | material: ${suites.join(', ')} suites, node_modules`;
  return {
    version: 1,
    context,
    sources: Object.fromEntries([...materials].map(([name, m]) => [name, m.source])),
    rows,
  };
}

const started = Date.now();
const fromFlag = process.argv.indexOf('--from');
const measured: PerfRun =
  fromFlag === -1 ? await measure() : (JSON.parse(readFileSync(process.argv[fromFlag + 1] ?? '', 'utf8')) as PerfRun);
const { context, rows } = measured;
const table = renderPerfTable(rows);
const spec = perfScalingChart(rows);
const svg = await renderChartSvg(spec);
const png = await renderChartPng(svg);

const stamp = new Date(started)
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z')
  .replace('T', '-');
const dir = path.join(environment.reportsDir, `perf-${stamp}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'perf.json'), `${JSON.stringify(measured, null, 2)}\n`);
writeFileSync(path.join(dir, 'perf.md'), `${context}\n\n${table}\n`);
writeFileSync(path.join(dir, 'perf-scaling.vl.json'), `${JSON.stringify(spec, null, 2)}\n`);
writeFileSync(path.join(dir, 'perf-scaling.svg'), svg);
writeFileSync(path.join(dir, 'perf-scaling.png'), png);
process.stdout.write(`${context}\n\n${table}\n\nreport: ${path.relative(process.cwd(), dir)}\n`);

if (updateReadme) {
  const readme = path.join(environment.projectRoot, 'README.md');
  writeReadmeSection(readme, `\`${context}\`\n\n${table}`, 'perf');
  mkdirSync(path.join(environment.projectRoot, 'docs', 'images'), { recursive: true });
  copyFileSync(
    path.join(dir, 'perf-scaling.png'),
    path.join(environment.projectRoot, 'docs', 'images', 'perf-scaling.png'),
  );
  process.stdout.write('README.md: perf table updated; docs/images/perf-scaling.png written\n');
}
