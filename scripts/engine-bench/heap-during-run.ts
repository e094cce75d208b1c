/**
 * What the V8 heap did while one request was compressed, from a `v8.GCProfiler` record of the run and
 * the heap's figures just before it (after a full GC), at its end, and after a full GC at its end.
 */
import { getHeapSpaceStatistics, getHeapStatistics, type GCProfilerResult, type HeapSpaceStatistics } from 'node:v8';

/** The heap's figures at one moment: `v8.getHeapStatistics()` and `process.memoryUsage()` merged. */
export interface HeapMoment {
  /** Bytes V8 has committed for the heap (`total_heap_size`): capacity it keeps until a GC shrinks it. */
  readonly committed: number;
  /** Bytes of that capacity backed by memory (`total_physical_size`): pages V8 has touched. */
  readonly resident: number;
  /** Of those, the young generation's (new space, where every object starts): V8 grows it to 2 x 16 MiB under load. */
  readonly youngResident: number;
  /** Bytes of heap objects, live or garbage not yet swept (`used_heap_size`). */
  readonly used: number;
  /** Bytes held outside the heap by JS objects (`external_memory`, ArrayBuffers included). */
  readonly external: number;
  /** Bytes of ArrayBuffer backing stores (part of `external`). */
  readonly arrayBuffers: number;
}

/** A run's heap, in bytes above the moment before it. */
export interface HeapDuringRun {
  /** Committed heap at the end of the run, after a full GC: what V8 keeps for the next request. */
  readonly committedKept: number;
  /** Highest committed heap seen (at a GC or the run's end). */
  readonly committedPeak: number;
  /** Heap pages backed by memory at the end of the run, after a full GC: resident memory V8 keeps. */
  readonly residentKept: number;
  /** Highest heap pages backed by memory (at a GC or the run's end): the heap's part of the peak RSS. */
  readonly residentPeak: number;
  /** Highest young-generation pages backed by memory, and those still backed after the run's final GC. */
  readonly youngResidentPeak: number;
  readonly youngResidentKept: number;
  /**
   * The live heap's peak is at least this: the used heap after the run's full GCs and after a full GC
   * at its end (the result still held); exact where marking is not incremental (the live-heap probe),
   * else a full GC may keep garbage that died while it marked. A scavenge's after-figure is left out:
   * it counts as used the garbage that earlier scavenges of the run promoted to old space.
   */
  readonly liveLower: number;
  /** And at most this: the used heap, garbage included, just before each GC and at the run's end. */
  readonly liveUpper: number;
  /** Highest external memory seen (at a GC or the run's end). */
  readonly externalPeak: number;
  /** ArrayBuffer bytes at the run's end. */
  readonly arrayBuffersEnd: number;
  /** GCs during the run: full (mark-compact) and the rest (scavenges and minor GCs). */
  readonly fullGcs: number;
  readonly otherGcs: number;
}

const YOUNG_SPACES = new Set(['new_space', 'new_large_object_space']);

/** Resident bytes of the young generation's spaces, from a GC record's space statistics. */
function youngOf(spaces: readonly HeapSpaceStatistics[]): number {
  return spaces.reduce((sum, space) => sum + (YOUNG_SPACES.has(space.spaceName) ? space.physicalSpaceSize : 0), 0);
}

/** The heap's figures now. */
export function heapMoment(): HeapMoment {
  const stats = getHeapStatistics();
  const young = getHeapSpaceStatistics().reduce(
    (sum, space) => sum + (YOUNG_SPACES.has(space.space_name) ? space.physical_space_size : 0),
    0,
  );
  return {
    committed: stats.total_heap_size,
    resident: stats.total_physical_size,
    youngResident: young,
    used: stats.used_heap_size,
    external: stats.external_memory,
    arrayBuffers: process.memoryUsage().arrayBuffers,
  };
}

const FULL_GC = 'MarkSweepCompact';

/** Reduces a run's GC record and its three moments to figures above `before`. */
export function heapDuringRun(
  before: HeapMoment,
  record: GCProfilerResult,
  end: HeapMoment,
  endAfterGc: HeapMoment,
): HeapDuringRun {
  const gcs = record.statistics;
  const full = gcs.filter((gc) => gc.gcType === FULL_GC);
  const max = (values: readonly number[]): number => values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  const committedSeen = gcs.flatMap((gc) => [
    gc.beforeGC.heapStatistics.totalHeapSize,
    gc.afterGC.heapStatistics.totalHeapSize,
  ]);
  const residentSeen = gcs.flatMap((gc) => [
    gc.beforeGC.heapStatistics.totalPhysicalSize,
    gc.afterGC.heapStatistics.totalPhysicalSize,
  ]);
  const youngSeen = gcs.flatMap((gc) => [
    youngOf(gc.beforeGC.heapSpaceStatistics),
    youngOf(gc.afterGC.heapSpaceStatistics),
  ]);
  const externalSeen = gcs.flatMap((gc) => [
    gc.beforeGC.heapStatistics.externalMemory,
    gc.afterGC.heapStatistics.externalMemory,
  ]);
  return {
    committedKept: endAfterGc.committed - before.committed,
    committedPeak: max([...committedSeen, end.committed]) - before.committed,
    residentKept: endAfterGc.resident - before.resident,
    residentPeak: max([...residentSeen, end.resident]) - before.resident,
    youngResidentPeak: max([...youngSeen, end.youngResident]) - before.youngResident,
    youngResidentKept: endAfterGc.youngResident - before.youngResident,
    liveLower: max([...full.map((gc) => gc.afterGC.heapStatistics.usedHeapSize), endAfterGc.used]) - before.used,
    liveUpper: max([...gcs.map((gc) => gc.beforeGC.heapStatistics.usedHeapSize), end.used]) - before.used,
    externalPeak: max([...externalSeen, end.external]) - before.external,
    arrayBuffersEnd: end.arrayBuffers - before.arrayBuffers,
    fullGcs: full.length,
    otherGcs: gcs.length - full.length,
  };
}
