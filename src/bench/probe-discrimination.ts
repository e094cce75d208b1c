/**
 * Whether a probe can tell configurations apart. Compression only touches tool outputs: a probe whose
 * answer the model also sees elsewhere at its scoring point (the system prompt, the task, the agent's
 * own turns, a tool call's input) is answered whatever a compressor did, so it is not counted. A probe
 * whose answer occurs more than once in tool output is ambiguous: it is counted, and flagged.
 */
import type { RequestPart } from '../types.ts';
import { containsAnswer, normalizeForMatch } from './answer-match.ts';
import type { Probe } from './probe.ts';

export interface ProbeDiscrimination {
  /** No answer occurs outside tool output in the request the probe is scored on. */
  readonly discriminating: boolean;
  /** Where else the answer occurs (`system`, `user text`, `assistant tool_use`...), or null. */
  readonly alsoIn: string | null;
  /** An answer occurs more than once in that request's tool output. */
  readonly ambiguous: boolean;
}

/** Occurrences of `needle` in `haystack` (both normalised), whole-token as `containsAnswer` matches. */
function occurrences(haystack: string, answer: string): number {
  const needle = normalizeForMatch(answer).trim();
  if (needle === '') return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    if (containsAnswer(haystack.slice(Math.max(0, at - 1), at + needle.length + 1), answer)) count++;
  }
  return count;
}

/** Judges `probe` against the parts of the uncompressed request it is first scored on. */
export function discriminationOf(probe: Probe, parts: readonly RequestPart[]): ProbeDiscrimination {
  const inside = normalizeForMatch(
    parts
      .filter((p) => p.compressible)
      .map((p) => p.text)
      .join('\n'),
  );
  const ambiguous = probe.answers.some((answer) => occurrences(inside, answer) > 1);
  for (const part of parts) {
    if (part.compressible) continue;
    const text = normalizeForMatch(part.text);
    if (probe.answers.some((answer) => containsAnswer(text, answer)))
      return { discriminating: false, alsoIn: `${part.role} ${part.type}`, ambiguous };
  }
  return { discriminating: true, alsoIn: null, ambiguous };
}
