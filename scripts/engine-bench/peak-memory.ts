/** Peak memory of compressing one request, measured in a fresh child process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRequest } from './bench-requests.ts';

/** One compression's memory, in bytes above the resident set just before it (after a full GC). */
export interface MemoryRun {
  /** Highest resident set while compressing (the OS's high-water mark), above the set before. */
  readonly peakRssDelta: number;
  /** False when the high-water mark could not be reset and did not move: the delta is then an upper bound. */
  readonly exact: boolean;
  /** JS heap grown by the end of compressing, garbage included (a lower bound of the heap's peak). */
  readonly heapGrowthUnswept: number;
}

/** The request compressed as the process's first big one, then again with the heap already grown. */
export interface PeakMemory {
  readonly first: MemoryRun;
  /** The median run (by peak) of STEADY_RUNS runs once the heap has grown: one run of a small request swings with GC timing. */
  readonly steady: MemoryRun;
  /** The highest peak among those runs, in bytes. */
  readonly steadyMaxPeak: number;
}

/** Steady-state runs per request. */
export const STEADY_RUNS = 5;

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'peak-memory-child.ts');
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Compresses `request` in a fresh `node --expose-gc` and returns its figures. */
export function measurePeakMemory(request: BenchRequest): PeakMemory {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-engine-bench-'));
  try {
    const file = path.join(dir, 'request.json');
    writeFileSync(file, JSON.stringify(request.body));
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, file, request.provider], { cwd: projectRoot, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`peak-memory child exited ${run.status}: ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as PeakMemory;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
