/** Offline fidelity: is each probe's answer still in the compressed context, or one retrieval away? */
import { findMarkers } from '../store/marker.ts';
import { containsAnswer, containsLocation, normalizeForMatch } from './answer-match.ts';
import type { Probe, ProbeOutcome } from './probe.ts';

/** What a `terse_retrieve { ref, query }` call would return for one marker: the answer or not, and its cost. */
export type Retrieval = (ref: string, query: string) => Promise<{ readonly holdsAnswer: boolean; readonly tokens: number }>;

export interface ProbeScore {
  readonly outcome: ProbeOutcome | null;
  readonly retrievalTokens: number;
}

/**
 * Scores one probe against the context a model would see. Live-only probes are not scored offline.
 * Negative probes are `fabricated` when their string appears, else `survived`.
 */
export async function scoreProbe(probe: Probe, context: string, retrieval: Retrieval): Promise<ProbeScore> {
  if (probe.live_only) return { outcome: null, retrievalTokens: 0 };
  const haystack = normalizeForMatch(context);
  if (probe.kind === 'negative') {
    const fabricated = probe.answers.some((a) => containsAnswer(haystack, a));
    return { outcome: fabricated ? 'fabricated' : 'survived', retrievalTokens: 0 };
  }
  if (probe.answers.some((a) => containsAnswer(haystack, a) || containsLocation(context, a))) return { outcome: 'survived', retrievalTokens: 0 };
  let cheapest: number | null = null;
  const refs = [...new Set(findMarkers(context).map((m) => m.ref))];
  for (const ref of refs) {
    for (const answer of probe.answers) {
      const found = await retrieval(ref, answer);
      if (found.holdsAnswer && (cheapest === null || found.tokens < cheapest)) cheapest = found.tokens;
    }
  }
  return cheapest === null ? { outcome: 'lost', retrievalTokens: 0 } : { outcome: 'retrievable', retrievalTokens: cheapest };
}
