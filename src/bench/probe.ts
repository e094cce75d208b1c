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

/** Offline fidelity of one probe under one configuration. */
export type ProbeOutcome = 'survived' | 'retrievable' | 'lost' | 'fabricated';
export const PROBE_OUTCOMES: readonly ProbeOutcome[] = ['survived', 'retrievable', 'lost', 'fabricated'];

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
