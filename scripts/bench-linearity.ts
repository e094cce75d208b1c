/**
 * Linear cost, shown (`npm run bench:linearity`, `-- --update-readme` to write the figures into the
 * README): seconds against input size over doubling sizes, for the engine on one block (bytes vs
 * seconds: runs of newlines, NBSP and letters, a real-shaped log) and for a replayed session (calls vs
 * seconds), with the ratio of each time to the one before. Linear work doubles (ratio ~2); quadratic
 * work quadruples. A ratio over 3 is reported as FAIL and the script exits 1. Times are CPU seconds of
 * the process, the best of three (a session: one run). Then the two targets of issue 18 end to end
 * through the CLI, in CPU and wall seconds: `terse compress` on 500,000 newlines, `terse replay` on a
 * 3,000-call session.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveBenchConfig } from '../src/bench/bench-config.ts';
import { replayTrace } from '../src/bench/replay-trace.ts';
import { serializeTrace } from '../src/bench/trace-io.ts';
import type { Trace, TraceEvent } from '../src/bench/trace.ts';
import { decideText } from '../src/engine/compress-text.ts';
import { createEngine } from '../src/engine/create-engine.ts';
import { createMemoryStore } from '../src/store/memory-store.ts';
import { writeReadmeSection } from '../src/report/readme-table.ts';

const MAX_RATIO = 3;
const RUNS = 3;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'terse-linearity-'));

/**
 * The best of `runs` measures of `work`, in CPU seconds of this process (user + system): on a shared
 * machine wall time also counts the other processes' turns, which is not the work's size.
 */
async function seconds(work: () => Promise<unknown>, runs = RUNS): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    await work();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

interface Curve {
  readonly name: string;
  readonly unit: string;
  readonly points: readonly { readonly size: number; readonly s: number }[];
}

function curveRows(curve: Curve): string[] {
  return curve.points.map(({ size, s }, i) => {
    const before = curve.points[i - 1];
    const ratio = before === undefined ? null : s / Math.max(before.s, 1e-6);
    const verdict = ratio === null ? '' : ratio <= MAX_RATIO ? 'ok' : 'FAIL';
    return `| ${curve.name} | ${size.toLocaleString('en-US')} ${curve.unit} | ${s.toFixed(3)} | ${ratio === null ? '—' : ratio.toFixed(2)} | ${verdict} |`;
  });
}

/** A synthetic agent session of `calls` calls: a log, a JSON array or search hits per call, as real agents read them. */
function session(calls: number): Trace {
  const events: TraceEvent[] = [
    { type: 'message', message: { role: 'user', content: 'Find why the payment service fails.' } },
  ];
  for (let i = 0; i < calls; i++) {
    events.push({ type: 'call' });
    const id = `toolu_${String(i).padStart(5, '0')}`;
    events.push({
      type: 'message',
      message: {
        role: 'assistant',
        content: [
          { type: 'text', text: `Step ${i}: checking.` },
          { type: 'tool_use', id, name: 'bash', input: { command: `tail -n 40 /var/log/svc-${i}.log` } },
        ],
      },
    });
    const body =
      i % 3 === 0
        ? Array.from(
            { length: 40 },
            (_, j) =>
              `2024-05-01T10:${String(Math.floor(j / 60) % 60).padStart(2, '0')}:${String(j % 60).padStart(2, '0')}Z INFO svc-${i} request id=${i * 1000 + j} path=/api/v1/pay latency=${(i * 37 + j * 11) % 900}ms status=200`,
          ).join('\n')
        : i % 3 === 1
          ? JSON.stringify(
              Array.from({ length: 30 }, (_, j) => ({
                id: i * 100 + j,
                status: (i + j) % 11 === 0 ? 'FAILED' : 'ok',
                host: `node-${j % 7}`,
                latency_ms: (i * 13 + j * 7) % 999,
              })),
              null,
              2,
            )
          : Array.from(
              { length: 25 },
              (_, j) =>
                `src/pay/handler_${i}.py:${j * 7 + 1}:    if amount > limit_${j}: raise PaymentError('over limit ${j}')`,
            ).join('\n');
    events.push({
      type: 'message',
      message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: body }] },
    });
  }
  events.push({ type: 'call' });
  return {
    header: {
      version: 1,
      type: 'trace',
      id: `session-${calls}`,
      workload: 'sre',
      provider: 'anthropic',
      request: { model: 'm', max_tokens: 1000 },
      source: { format: 'trace-v1', file: 'generated' },
    },
    events,
  };
}

function gitSha(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** CPU seconds the waited-for children of this process used so far (Linux /proc; NaN elsewhere). */
function childrenCpuSeconds(): number {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks (100 a second).
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Wall and CPU seconds of one CLI run (process start included), and its exit status. */
function cli(args: readonly string[]): { s: number; cpu: number; status: number | null } {
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'terse.js'), ...args], {
    cwd: work,
    env: { ...process.env, CI: 'true', TERSE_STORE: path.join(work, 'store.duckdb') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return { s: (performance.now() - started) / 1000, cpu: childrenCpuSeconds() - cpuBefore, status: run.status };
}

const machine = `git ${gitSha()} | node ${process.version} | ${os.cpus()[0]?.model ?? 'cpu'} | ${os.cpus().length} cores | load ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`;
console.log(machine);

// Bytes vs seconds: the engine deciding one block (detect, route, compress, store), as `terse compress` does.
const setup = await createEngine({ profile: 'balanced', store: createMemoryStore() });
const shapes: readonly {
  readonly name: string;
  readonly build: (n: number) => string;
  readonly sizes: readonly number[];
}[] = [
  { name: 'newlines', build: (n) => '\n'.repeat(n), sizes: [62_500, 125_000, 250_000, 500_000] },
  { name: 'NBSP', build: (n) => `x${'\u00a0'.repeat(n)}y`, sizes: [62_500, 125_000, 250_000, 500_000] },
  { name: 'letters, no white space', build: (n) => 'a'.repeat(n), sizes: [750_000, 1_500_000, 3_000_000, 6_000_000] },
  {
    name: 'log lines',
    build: (n) =>
      Array.from(
        { length: Math.ceil(n / 40) },
        (_, i) => `2024-05-01T10:00:${String(i % 60).padStart(2, '0')}Z INFO worker-${i % 4} done id=${i}`,
      )
        .join('\n')
        .slice(0, n),
    sizes: [500_000, 1_000_000, 2_000_000, 4_000_000],
  },
];
const curves: Curve[] = [];
let fresh = 0;
for (const shape of shapes) {
  const points = [];
  for (const size of shape.sizes) {
    const text = shape.build(size);
    // A fresh copy each run: the ruler's cache must not answer for the text it counted before.
    points.push({
      size: Buffer.byteLength(text, 'utf8'),
      s: await seconds(() => decideText(`${text}\n#${fresh++}`, setup)),
    });
  }
  curves.push({ name: `one block: ${shape.name}`, unit: 'bytes', points });
}

// Calls vs seconds: one session replayed request by request through balanced, as a proxy meets it.
const replayPoints = [];
for (const calls of [375, 750, 1_500, 3_000]) {
  const trace = session(calls);
  replayPoints.push({
    size: calls,
    s: await seconds(async () => {
      const strategy = await resolveBenchConfig('balanced').open({ tokenizer: 'o200k_base' });
      await replayTrace(trace, 'balanced', strategy, []);
      await strategy.close();
    }, 1),
  });
}
curves.push({ name: 'session replay (balanced)', unit: 'calls', points: replayPoints });

// The two targets, end to end through the CLI (process start, grammar loading and report included).
const newlines = path.join(work, 'newlines-500k.txt');
writeFileSync(newlines, '\n'.repeat(500_000));
const compressRun = cli(['compress', newlines]);
const sessionFile = path.join(work, 'session-3000.jsonl');
writeFileSync(sessionFile, serializeTrace(session(3_000)));
const replayRun = cli(['replay', sessionFile, '--config', 'balanced', '--out', path.join(work, 'report')]);

const table = [
  '| curve | size | CPU seconds | ratio to the size before | linear? |',
  '|:---|---:|---:|---:|:---|',
  ...curves.flatMap(curveRows),
].join('\n');
const targets = [
  `terse compress FILE (500,000 newlines): ${compressRun.cpu.toFixed(1)} s CPU, ${compressRun.s.toFixed(1)} s wall, exit ${compressRun.status} (target < 2 s; the engine's part: ${(curves[0]?.points.at(-1)?.s ?? Number.NaN).toFixed(3)} s)`,
  `terse replay FILE --config balanced (3,000 calls): ${replayRun.cpu.toFixed(1)} s CPU, ${replayRun.s.toFixed(1)} s wall, exit ${replayRun.status} (target < 30 s)`,
].join('\n');
console.log(`\n${table}\n\n${targets}`);

const failed =
  curves.some((curve) =>
    curve.points.some((p, i) => i > 0 && p.s / Math.max((curve.points[i - 1] as { s: number }).s, 1e-6) > MAX_RATIO),
  ) ||
  // CPU seconds: on a shared machine wall time also counts the other processes' turns.
  compressRun.status !== 0 ||
  replayRun.status !== 0 ||
  replayRun.cpu >= 30 ||
  compressRun.cpu >= 2;
if (process.argv.includes('--update-readme')) {
  const readme = path.join(root, 'README.md');
  writeReadmeSection(readme, `\`\`\`text\n${machine}\n${targets}\n\`\`\`\n\n${table}`, 'linearity');
  console.log('README.md: linearity figures updated');
}
process.exitCode = failed ? 1 : 0;
