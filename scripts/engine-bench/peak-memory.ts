/** Peak memory of compressing one request, measured in fresh child processes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRequest } from './bench-requests.ts';
import type { HeapDuringRun } from './heap-during-run.ts';

/** One compression's memory, in bytes above the moment just before it (after a full GC). */
export interface MemoryRun {
  /** Highest resident set while compressing (the OS's high-water mark), above the set before. */
  readonly peakRssDelta: number;
  /** False when the high-water mark could not be reset and did not move: the delta is then an upper bound. */
  readonly exact: boolean;
  /** What the V8 heap did meanwhile: capacity committed, bounds on the live heap's peak, external memory. */
  readonly heap: HeapDuringRun;
}

/** What a child process prints: its first big request, then STEADY_RUNS more. */
export interface ChildRuns {
  readonly first: MemoryRun;
  readonly steady: readonly MemoryRun[];
}

/** Bounds on the highest live heap of any run, in bytes above the heap before it. */
export interface LiveHeapPeak {
  readonly lower: number;
  readonly upper: number;
  /** Full GCs per run, on average: how often the live heap was sampled. */
  readonly gcsPerRun: number;
}

/** The request compressed as the process's first big one, then again with the heap already grown. */
export interface PeakMemory {
  readonly first: MemoryRun;
  /** The median run (by peak) of STEADY_RUNS runs once the heap has grown: one run of a small request swings with GC timing. */
  readonly steady: MemoryRun;
  /** The highest peak among those runs, in bytes. */
  readonly steadyMaxPeak: number;
  /**
   * From a second child whose every GC is full and atomic and comes after ~1 MiB of allocation: the
   * heap after each GC is the live set then, so the live peak lies between the highest of those and
   * the highest used heap just before a GC (the live set after the previous one plus what was allocated since).
   */
  readonly liveHeap: LiveHeapPeak;
  /**
   * The first request again in a process whose young generation is capped (`--max-semi-space-size`,
   * CAPPED_SEMI_SPACE_MIB): what the first request's RSS is without V8 growing its semispaces to 16 MiB.
   */
  readonly firstCappedYoung: MemoryRun;
}

/** Steady-state runs per request. */
export const STEADY_RUNS = 5;

/** V8 as the engine runs in production, and V8 made to collect everything often (the live-heap probe). */
const NATURAL_FLAGS = ['--expose-gc'];
/** Semispace size (MiB) of the capped-young-generation run. */
export const CAPPED_SEMI_SPACE_MIB = 4;
const CAPPED_FLAGS = ['--expose-gc', `--max-semi-space-size=${CAPPED_SEMI_SPACE_MIB}`];
const PROBE_FLAGS = ['--expose-gc', '--gc-global', '--no-incremental-marking', '--max-semi-space-size=1'];

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'peak-memory-child.ts');
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function runChild(flags: readonly string[], file: string, provider: string): ChildRuns {
  const run = spawnSync(process.execPath, [...flags, '--import', 'tsx', child, file, provider], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (run.status !== 0)
    throw new Error(
      `peak-memory child (${flags.join(' ')}) exited ${run.status}: ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`,
    );
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as ChildRuns;
}

function liveHeapPeak(runs: ChildRuns): LiveHeapPeak {
  const all = [runs.first, ...runs.steady].map((run) => run.heap);
  return {
    lower: Math.max(...all.map((heap) => heap.liveLower)),
    upper: Math.max(...all.map((heap) => heap.liveUpper)),
    gcsPerRun: all.reduce((sum, heap) => sum + heap.fullGcs, 0) / all.length,
  };
}

/** Compresses `request` in a fresh `node --expose-gc`, then in the live-heap probe and with the young generation capped, and returns their figures. */
export function measurePeakMemory(request: BenchRequest): PeakMemory {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-engine-bench-'));
  try {
    const file = path.join(dir, 'request.json');
    writeFileSync(file, JSON.stringify(request.body));
    const natural = runChild(NATURAL_FLAGS, file, request.provider);
    const steadyRuns = [...natural.steady].sort((a, b) => a.peakRssDelta - b.peakRssDelta);
    const steady = steadyRuns[Math.floor(steadyRuns.length / 2)] ?? natural.first;
    return {
      first: natural.first,
      steady,
      steadyMaxPeak: steadyRuns.at(-1)?.peakRssDelta ?? steady.peakRssDelta,
      liveHeap: liveHeapPeak(runChild(PROBE_FLAGS, file, request.provider)),
      firstCappedYoung: runChild(CAPPED_FLAGS, file, request.provider).first,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
