/**
 * Run in a fresh process (with --expose-gc) by peak-memory.ts: compresses the request in the file
 * named by argv as the process's first big request, then STEADY_RUNS times more once the heap has
 * grown to serve it (a proxy's steady state), and prints one JSON line of `ChildRuns`. Each run
 * records the resident high-water mark and, through `v8.GCProfiler`, what the heap did.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { GCProfiler } from 'node:v8';
import { canonicalFromBody } from '../../src/engine/request/canonical-request.ts';
import { compressRequest } from '../../src/engine/compress-request.ts';
import { createEngine } from '../../src/engine/create-engine.ts';
import { createSession } from '../../src/engine/engine-session.ts';
import { toolResultRequest } from '../../src/testkit/invariants/tool-result-request.ts';
import type { JsonObject, Provider } from '../../src/types.ts';
import { heapDuringRun, heapMoment } from './heap-during-run.ts';
import { STEADY_RUNS, type ChildRuns, type MemoryRun } from './peak-memory.ts';

const [file, provider] = process.argv.slice(2);
const gc = globalThis.gc;
if (file === undefined || (provider !== 'anthropic' && provider !== 'openai') || gc === undefined) {
  throw new Error('usage: node --expose-gc --import tsx peak-memory-child.ts <request.json> <anthropic|openai>');
}
const fullGc: () => void = gc;
const body = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;

/** Linux resets the resident high-water mark when 5 is written to clear_refs; elsewhere it cannot be reset. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The resident high-water mark in bytes: VmHWM where /proc has it, else getrusage's. */
function peakRss(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Number(match[1]) * 1024;
  } catch {
    // No /proc: fall through to getrusage, which cannot be reset.
  }
  return process.resourceUsage().maxRSS * 1024;
}

async function measuredRun(): Promise<MemoryRun> {
  const session = createSession(await createEngine({ profile: 'balanced' }));
  fullGc();
  fullGc();
  const reset = resetPeakRss();
  const rssBefore = process.memoryUsage().rss;
  const highWaterBefore = peakRss();
  const before = heapMoment();
  const profiler = new GCProfiler();
  profiler.start();
  const result = await compressRequest(canonicalFromBody(body, provider as Provider), session);
  const record = profiler.stop();
  const end = heapMoment();
  const highWaterAfter = peakRss();
  // The result is held through this GC: what survives it was live at the run's end.
  fullGc();
  const endAfterGc = heapMoment();
  if (result.parts.length === 0) throw new Error('compressRequest returned no parts');
  return {
    peakRssDelta: highWaterAfter - rssBefore,
    exact: reset || highWaterAfter > highWaterBefore,
    heap: heapDuringRun(before, record, end, endAfterGc),
  };
}

// Load the tokenizer tables and grammars on a small block first: they are the process's, not the request's.
await compressRequest(
  canonicalFromBody(toolResultRequest('ERROR pool exhausted\n'.repeat(400))),
  createSession(await createEngine({ profile: 'balanced' })),
);
const first = await measuredRun();
const steady: MemoryRun[] = [];
for (let run = 0; run < STEADY_RUNS; run++) steady.push(await measuredRun());
const runs: ChildRuns = { first, steady };
process.stdout.write(`${JSON.stringify(runs)}\n`);
