/**
 * A text's token count as far as a decision needs it: the floor from one pass over the characters
 * (`token-floor.ts`), and the ruler's exact count only when the floor cannot decide. Every answer
 * here is the one the exact counts would give.
 */
import { tokenFloor } from './token-floor.ts';
import { changedSegments, countSegments, nextCleanCut } from './token-segments.ts';
import type { TokenRuler } from './token-ruler.ts';

export interface TokenSize {
  /** The text measured. */
  readonly text: string;
  /**
   * Whether a floor reaches `n`: read a piece at a time and stopped as soon as it does, so "at
   * least 50 tokens" reads the first piece of a 3 MB block, not all of it.
   */
  floorReaches(n: number): boolean;
  /** The ruler's count, counted on the first call. */
  exact(): number;
}

// Pieces of a text read for a floor: large enough that the cuts cost nothing, small enough to stop early.
const FLOOR_PIECE_CHARS = 16_384;

/**
 * The size of `text`: floors on demand, its exact count on demand (a block passed for its length
 * reads neither). Floors of pieces cut at clean line starts add up to a floor of the whole, because
 * counts add up there (token-segments.ts).
 */
export function tokenSize(text: string, ruler: TokenRuler): TokenSize {
  let exact: number | undefined;
  // The floor of text[0, readTo), read piece by piece.
  let readTo = 0;
  let partial = 0;
  return {
    text,
    floorReaches(n: number): boolean {
      while (partial < n && readTo < text.length) {
        const cut = nextCleanCut(text, readTo + FLOOR_PIECE_CHARS);
        partial += tokenFloor(text.slice(readTo, cut));
        readTo = cut;
      }
      return partial >= n;
    },
    exact: () => (exact ??= ruler.count(text)),
  };
}

/** Whether the text has at least `n` tokens. */
export function holdsAtLeast(size: TokenSize, n: number): boolean {
  return size.floorReaches(n) || size.exact() >= n;
}

/**
 * Whether `output` has fewer tokens than the text `size` measures. A token covers at least one UTF-8
 * byte, so fewer bytes than the floor settles it with no count at all. An output that keeps most of
 * the input's lines is settled by counting only the lines the two do not share (`token-segments.ts`);
 * otherwise by the output's count against the floor, and the input is counted only when that falls short.
 */
export function fewerTokens(output: string, size: TokenSize, ruler: TokenRuler): boolean {
  // The engine asks again about the output its compressor already checked: answer from the last time.
  const last = lastAnswer.get(size);
  if (last !== undefined && last.output === output) return last.fewer;
  const fewer = decideFewer(output, size, ruler);
  lastAnswer.set(size, { output, fewer });
  return fewer;
}

const lastAnswer = new WeakMap<TokenSize, { readonly output: string; readonly fewer: boolean }>();

function decideFewer(output: string, size: TokenSize, ruler: TokenRuler): boolean {
  if (size.floorReaches(Buffer.byteLength(output, 'utf8') + 1)) return true;
  // A light edit keeps most lines: the lines it changed decide, exactly, for less than the output's count.
  if (2 * output.length > size.text.length) {
    const change = changedSegments(size.text, output);
    if (change.changedChars < output.length)
      return countSegments(change.added, ruler) < countSegments(change.removed, ruler);
  }
  const after = ruler.count(output);
  return size.floorReaches(after + 1) || after < size.exact();
}

/** Whether `output` has at least `saved` tokens fewer than the text `size` measures. */
export function savesAtLeast(output: string, size: TokenSize, ruler: TokenRuler, saved: number): boolean {
  if (size.floorReaches(Buffer.byteLength(output, 'utf8') + saved)) return true;
  const after = ruler.count(output);
  return size.floorReaches(after + saved) || after + saved <= size.exact();
}

/** Whether `tokens` is at most `share` of the text's tokens (and fewer than them). */
export function withinShare(tokens: number, size: TokenSize, share: number): boolean {
  return (
    size.floorReaches(leastTotalWithin(tokens, share)) || (tokens <= share * size.exact() && tokens < size.exact())
  );
}

/**
 * The least total that `tokens` is at most `share` of, and fewer than: a floor that reaches it
 * settles `withinShare`. Rounding can only ask a little more of the floor, never less.
 */
export function leastTotalWithin(tokens: number, share: number): number {
  return Math.max(tokens + 1, Math.ceil(tokens / share));
}
