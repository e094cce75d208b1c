/**
 * Probe drafts: what a derivation proposes before it is checked. A draft becomes a probe only when
 * its answer is shown by its evidence turn (or, for a negative, occurs nowhere), the way
 * `terse probes check` will judge it.
 */
import type { Probe, ProbeDraft, ProbeKind } from '../probe.ts';
import type { TraceText } from '../trace-text.ts';

export type { ProbeDraft } from '../probe.ts';

/** Where in the session a turn falls, by thirds of the messages the model is sent. */
export type TracePosition = 'early' | 'middle' | 'late';
export const TRACE_POSITIONS: readonly TracePosition[] = ['early', 'middle', 'late'];

/** The third of the sent messages that `turn` falls in. */
export function positionOf(turn: number, sentMessages: number): TracePosition {
  if (turn * 3 < sentMessages) return 'early';
  if (turn * 3 < sentMessages * 2) return 'middle';
  return 'late';
}

/** True when the draft would pass `checkProbes` against this trace. */
export function draftChecks(text: TraceText, draft: ProbeDraft): boolean {
  if (draft.turn < 0 || draft.turn >= text.sentMessages || draft.answers.length === 0) return false;
  if (draft.kind === 'negative') return draft.answers.every((answer) => !text.occurs(answer));
  if (draft.liveOnly === true) return true;
  return draft.answers.some((answer) => text.shownBy(draft.turn, answer));
}

/**
 * Up to one checked draft per position for each kind, in kind order: evidence spreads over the
 * session instead of bunching where a derivation finds most candidates.
 */
export function spreadDrafts(
  text: TraceText,
  candidates: readonly ProbeDraft[],
  perKind: Partial<Record<ProbeKind, number>> = {},
): ProbeDraft[] {
  const picked: ProbeDraft[] = [];
  const kinds = [...new Set(candidates.map((c) => c.kind))];
  for (const kind of kinds) {
    const limit = perKind[kind] ?? TRACE_POSITIONS.length;
    const ofKind = candidates.filter((c) => c.kind === kind);
    const chosen: ProbeDraft[] = [];
    for (const position of TRACE_POSITIONS) {
      // A second error probe with the same answer would only measure the same text twice.
      const fresh = (c: ProbeDraft) =>
        kind !== 'causal' || !chosen.some((d) => d.answers.join('\n') === c.answers.join('\n'));
      // Checked last and lazily: a long session has thousands of candidates, few are taken.
      const first = ofKind.find(
        (c) => positionOf(c.turn, text.sentMessages) === position && fresh(c) && draftChecks(text, c),
      );
      if (first !== undefined && chosen.length < limit) chosen.push(first);
    }
    picked.push(...chosen);
  }
  return uniqueNames(picked);
}

/** Drafts with names made unique by a numeric suffix, in order. */
export function uniqueNames(drafts: readonly ProbeDraft[]): ProbeDraft[] {
  const seen = new Map<string, number>();
  return drafts.map((draft) => {
    const n = (seen.get(draft.name) ?? 0) + 1;
    seen.set(draft.name, n);
    return n === 1 ? draft : { ...draft, name: `${draft.name}-${n}` };
  });
}

/** Probes of `traceId` from drafts already checked. */
export function toProbes(traceId: string, drafts: readonly ProbeDraft[]): Probe[] {
  return drafts.map((draft) => ({
    trace: traceId,
    id: `${traceId}/${draft.name}`,
    question: draft.question,
    answers: draft.answers.slice(),
    kind: draft.kind,
    evidence: { turn: draft.turn },
    ...(draft.liveOnly === true ? { live_only: true } : {}),
  }));
}
