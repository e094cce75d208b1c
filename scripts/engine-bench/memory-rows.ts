/** The bench's memory rows for one request: peak RSS (first request, capped young generation, steady state) and the live heap's peak. */
import type { BenchRequest } from './bench-requests.ts';
import { ratio, type BenchRow } from './bench-table.ts';
import { CAPPED_SEMI_SPACE_MIB, STEADY_RUNS, type MemoryRun, type PeakMemory } from './peak-memory.ts';

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const signed = (bytes: number): string => `${bytes >= 0 ? '+' : ''}${mib(bytes)}`;
/** External memory shows only where the request moves it. */
const EXTERNAL_SHOWN = 0.1 * 1024 * 1024;

/** What a run's peak RSS is made of: heap pages V8 touched (the young generation's, those it keeps), capacity, garbage, memory outside the heap. */
function rssParts(run: MemoryRun): string {
  const { heap } = run;
  const external = Math.max(heap.externalPeak, heap.arrayBuffersEnd);
  const parts = [
    `of which V8 heap pages ${signed(heap.residentPeak)} (young generation ${signed(heap.youngResidentPeak)}), ${mib(heap.residentKept)} still resident after it`,
    `heap capacity committed ${signed(heap.committedPeak)}`,
    `heap used peak, garbage included ${signed(heap.liveUpper)}`,
  ];
  if (external >= EXTERNAL_SHOWN) parts.push(`external ${signed(external)}`);
  return parts.join('; ');
}

/** A peak-RSS row against `target` (times the request's bytes), or context when `target` is null. */
function rssRow(measure: string, run: MemoryRun, bytes: number, target: number | null): BenchRow {
  const peakRatio = run.peakRssDelta / bytes;
  return {
    measure: `${measure}${run.exact ? '' : ' (upper bound)'}`,
    figure: `${ratio(peakRatio)} (${mib(run.peakRssDelta)}; ${rssParts(run)})`,
    target: target === null ? '' : `< ${target}x`,
    pass: target === null ? null : peakRatio < target,
  };
}

/** The rows of one request's `memory`, each peak against `target` times the request's bytes. */
export function memoryRows(request: BenchRequest, memory: PeakMemory, target: number): BenchRow[] {
  const label = `${request.label} (${mib(request.bytes)})`;
  const { lower, upper, gcsPerRun } = memory.liveHeap;
  const [lowerRatio, upperRatio] = [lower / request.bytes, upper / request.bytes];
  // Passes when the upper bound does, misses when the lower bound does; a range that straddles the
  // target decides nothing (a request much under 1 MiB: V8 collects no more often than that).
  const straddles = lowerRatio < target && upperRatio >= target ? '; the range straddles the target: undecided' : '';
  return [
    rssRow(`peak RSS, ${label}, first request`, memory.first, request.bytes, target),
    // Context, not the target: the same first request where V8 may not grow its young generation past a few MiB.
    rssRow(
      `  the same, node --max-semi-space-size=${CAPPED_SEMI_SPACE_MIB} (young generation capped)`,
      memory.firstCappedYoung,
      request.bytes,
      null,
    ),
    rssRow(
      `peak RSS, ${label}, steady state, median of ${STEADY_RUNS} (max ${mib(memory.steadyMaxPeak)})`,
      memory.steady,
      request.bytes,
      target,
    ),
    {
      measure: `live heap peak, ${label}, highest of ${STEADY_RUNS + 1} runs (between lower and upper bound)`,
      figure: `${ratio(lowerRatio)}-${ratio(upperRatio)} (${mib(lower)}-${mib(upper)}; only full GCs, one per ~1 MiB allocated: ${gcsPerRun.toFixed(0)} per run${straddles})`,
      target: `< ${target}x`,
      pass: upperRatio < target ? true : lowerRatio >= target ? false : null,
    },
  ];
}
