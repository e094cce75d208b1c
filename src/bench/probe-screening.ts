/**
 * What a suite keeps of the probes its builder derived: only probes that can tell configurations
 * apart (their answer sits only in tool output at their first scoring point), and, in place of
 * negatives that nothing could ever write, near misses a summarising compressor could (see
 * near-miss-probes.ts). The counts say what was dropped, so the report can show it.
 */
import { canonicalFromBody } from '../engine/request/canonical-request.ts';
import { nearMissOf } from './near-miss-probes.ts';
import type { Probe } from './probe.ts';
import { discriminationOf } from './probe-discrimination.ts';
import { callCount, requestAt, requestMessageCounts, type Trace } from './trace.ts';
import { traceText } from './trace-text.ts';

/** What screening did to one suite's probes. */
export interface ProbeScreening {
  readonly suite: string;
  /** Probes the builder derived. */
  readonly derived: number;
  /** Positive probes dropped: their answer also sits outside tool output when first needed. */
  readonly non_discriminating: number;
  /** Kept probes whose answer occurs more than once in tool output (counted, and flagged). */
  readonly ambiguous: number;
  /** The builder's own negatives, replaced. */
  readonly negatives_replaced: number;
  /** Near-miss negatives added. */
  readonly near_misses: number;
  /** Probes the suite runs with. */
  readonly kept: number;
}

/** A probe's first scoring point in `trace`: the first request whose messages include its evidence turn. */
export function firstScoringRequest(trace: Trace, turn: number): number {
  const counts = requestMessageCounts(trace);
  const index = counts.findIndex((count) => count > turn);
  return index === -1 ? Math.max(0, counts.length - 1) : index;
}

/** Screens the probes of `traces`; probes of other traces are left out. */
export function screenProbes(
  suite: string,
  traces: readonly Trace[],
  probes: readonly Probe[],
): { probes: Probe[]; screening: ProbeScreening } {
  const kept: Probe[] = [];
  let nonDiscriminating = 0,
    ambiguous = 0,
    negatives = 0,
    nearMisses = 0;
  for (const trace of traces) {
    const own = probes.filter((p) => p.trace === trace.header.id);
    if (own.length === 0) continue;
    // One request built at a time: every request's copy of the history at once is quadratic in memory.
    const lastIndex = callCount(trace) - 1;
    const partsAt = new Map<number, ReturnType<typeof canonicalFromBody>['parts']>();
    const parts = (index: number) => {
      let found = partsAt.get(index);
      if (found === undefined)
        partsAt.set(
          index,
          (found = canonicalFromBody(
            (requestAt(trace, index) ?? requestAt(trace, lastIndex))?.body ?? {},
            trace.header.provider,
          ).parts),
        );
      return found;
    };
    const text = traceText(trace);
    for (const probe of own) {
      if (probe.kind === 'negative') {
        negatives++;
        continue;
      }
      if (probe.live_only === true) {
        kept.push(probe);
        continue;
      }
      const judged = discriminationOf(probe, parts(firstScoringRequest(trace, probe.evidence.turn)));
      if (!judged.discriminating) {
        nonDiscriminating++;
        continue;
      }
      if (judged.ambiguous) ambiguous++;
      kept.push(probe);
      const nearMiss = nearMissOf(probe, text);
      if (nearMiss !== null) {
        kept.push(nearMiss);
        nearMisses++;
      }
    }
  }
  return {
    probes: kept,
    screening: {
      suite,
      derived: probes.length,
      non_discriminating: nonDiscriminating,
      ambiguous,
      negatives_replaced: negatives,
      near_misses: nearMisses,
      kept: kept.length,
    },
  };
}

/** One probe as `terse probes check` reports it. */
export interface ProbeCheckRow {
  readonly probe: string;
  readonly kind: string;
  readonly discriminating: boolean | null;
  readonly alsoIn: string | null;
  readonly ambiguous: boolean | null;
}

/** Judges every positive offline probe at its first scoring point; negatives and live-only probes get nulls. */
export function probeCheckRows(traces: readonly Trace[], probes: readonly Probe[]): ProbeCheckRow[] {
  const byId = new Map(traces.map((t) => [t.header.id, t]));
  const partsAt = new Map<string, ReturnType<typeof canonicalFromBody>['parts']>();
  return probes.map((probe) => {
    const trace = byId.get(probe.trace);
    if (trace === undefined || probe.kind === 'negative' || probe.live_only === true) {
      return { probe: probe.id, kind: probe.kind, discriminating: null, alsoIn: null, ambiguous: null };
    }
    const index = firstScoringRequest(trace, probe.evidence.turn);
    const key = `${probe.trace}\u0000${index}`;
    let parts = partsAt.get(key);
    if (parts === undefined) {
      const request = requestAt(trace, index);
      partsAt.set(
        key,
        (parts = request === undefined ? [] : canonicalFromBody(request.body, trace.header.provider).parts),
      );
    }
    const judged = discriminationOf(probe, parts);
    return {
      probe: probe.id,
      kind: probe.kind,
      discriminating: judged.discriminating,
      alsoIn: judged.alsoIn,
      ambiguous: judged.ambiguous,
    };
  });
}
