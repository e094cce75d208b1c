/**
 * Negative probes as near misses: what a summarising compressor could plausibly write instead of the
 * truth, derived from a positive probe's own answer and checked absent from the whole raw trace. A
 * number in the answer off by one (a count, a line, a port, a second of a timestamp), or a hex id
 * with its last digit changed. The question is the positive's own: the one a compressor's summary
 * would be read to answer. A near miss appearing in a compressed context is `fabricated`.
 */
import type { Probe } from './probe.ts';
import type { TraceText } from './trace-text.ts';

/** A bare number shorter than this is too common to be told from any other number in the context. */
const MIN_BARE_DIGITS = 4;
const HEX_ID = /\b[0-9a-f]{8,}\b/g;
const DIGITS = /\d+/g;

/** Candidate near misses of one answer, most plausible first. */
function variantsOf(answer: string): string[] {
  const variants: string[] = [];
  const hexIds = [...answer.matchAll(HEX_ID)];
  const lastHex = hexIds[hexIds.length - 1];
  if (lastHex !== undefined && /[a-f]/.test(lastHex[0])) {
    const id = lastHex[0];
    const last = id[id.length - 1] as string;
    const swapped = (parseInt(last, 16) ^ 1).toString(16);
    const at = (lastHex.index ?? 0) + id.length - 1;
    variants.push(answer.slice(0, at) + swapped + answer.slice(at + 1));
  }
  const numbers = [...answer.matchAll(DIGITS)];
  const lastNumber = numbers[numbers.length - 1];
  if (lastNumber !== undefined) {
    const digits = lastNumber[0];
    const bare = answer.trim() === digits;
    if (!bare || digits.length >= MIN_BARE_DIGITS) {
      const at = lastNumber.index ?? 0;
      for (const delta of [1, -1]) {
        const value = BigInt(digits) + BigInt(delta);
        if (value < 0n) continue;
        // Keep the width of zero-padded fields (`03:12:09` -> `03:12:10`, `07` -> `08`).
        const text = value.toString().padStart(digits.length, '0');
        variants.push(answer.slice(0, at) + text + answer.slice(at + digits.length));
      }
    }
  }
  return variants;
}

/** The near-miss negative of `probe`, or null when its answers give none that the trace never shows. */
export function nearMissOf(probe: Probe, text: TraceText): Probe | null {
  if (probe.kind === 'negative' || probe.live_only === true) return null;
  for (const answer of probe.answers) {
    for (const variant of variantsOf(answer)) {
      if (variant.trim() === '' || probe.answers.includes(variant) || text.occurs(variant)) continue;
      return {
        trace: probe.trace,
        id: `${probe.id}/near-miss`,
        question: probe.question,
        answers: [variant],
        kind: 'negative',
        evidence: probe.evidence,
      };
    }
  }
  return null;
}
