/** Peak memory of compressing one request, measured in a fresh child process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRequest } from './bench-requests.ts';

/** What the child reports, in bytes. */
export interface PeakMemory {
  /** Resident set after warm-up and GC, just before compressing. */
  readonly rssBefore: number;
  /** Highest resident set while compressing, above `rssBefore` (the OS's high-water mark). */
  readonly peakRssDelta: number;
  /** False when the high-water mark did not move: then the peak lies under the warm-up's and the delta is an upper bound. */
  readonly peakAbovePriorHighWater: boolean;
  /** JS heap grown by the end of compressing, garbage included (a lower bound of the heap's peak). */
  readonly heapGrowthUnswept: number;
  /** JS heap still held after a full GC: the store's originals and the compressed texts. */
  readonly heapRetained: number;
  readonly blocksChanged: number;
  readonly ms: number;
}

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
