/** Probes: questions about a trace whose answer sits in the raw context (JSONL, one per line). */

export type ProbeKind = 'exact' | 'count' | 'locate' | 'causal' | 'negative';
export const PROBE_KINDS: readonly ProbeKind[] = ['exact', 'count', 'locate', 'causal', 'negative'];

export interface Probe {
  readonly trace: string;
  readonly id: string;
  readonly question: string;
  /** Strings any of which answers the probe; for `negative`, strings that must NOT appear. */
  readonly answers: readonly string[];
  readonly kind: ProbeKind;
  /** `turn` is the 0-based index of the message that holds the evidence. */
  readonly evidence: { readonly turn: number };
  /** True when the answer is not verbatim in the text (a count, a cause): scored only by a live model. */
  readonly live_only?: boolean;
}

/**
 * Offline fidelity of one probe under one configuration at one scoring point. A positive probe's
 * answer `survived` in the context, was `retrieved` by the answer-blind reader, or is `lost`; a
 * negative (near-miss) probe's string was `fabricated`, or the context is `clean` of it.
 */
export type ProbeOutcome = 'survived' | 'retrieved' | 'lost' | 'fabricated' | 'clean';
export const PROBE_OUTCOMES: readonly ProbeOutcome[] = ['survived', 'retrieved', 'lost', 'fabricated', 'clean'];

/**
 * Where a probe is scored: `first`, the first request carrying its evidence (the model's next
 * decision after seeing the fact; the headline), and `last`, the session's last request.
 */
export type ScoringPoint = 'first' | 'last';
export const SCORING_POINTS: readonly ScoringPoint[] = ['first', 'last'];

/** A probe as a suite derives it, before it is tied to its trace and checked. */
export interface ProbeDraft {
  /** Short name, unique within the trace; the probe id is `<trace>/<name>`. */
  readonly name: string;
  readonly kind: ProbeKind;
  readonly question: string;
  readonly answers: readonly string[];
  /** 0-based index of the message holding the evidence. */
  readonly turn: number;
  /** The answer is not verbatim in the text (a count, a cause in other words): scored only live. */
  readonly liveOnly?: boolean;
}
