/**
 * A text's token count as far as a decision needs it: the floor from one pass over the characters
 * (`token-floor.ts`), and the ruler's exact count only when the floor cannot decide. Every answer
 * here is the one the exact counts would give.
 */
import { tokenFloor } from './token-floor.ts';
import { changedSegments, countSegments } from './token-segments.ts';
import type { TokenRuler } from './token-ruler.ts';

export interface TokenSize {
  /** The text measured. */
  readonly text: string;
  /** Tokens the text has at least. */
  readonly floor: number;
  /** The ruler's count, counted on the first call. */
  exact(): number;
}

/** The size of `text`: its floor on first read, its exact count on demand (a block passed for its length reads neither). */
export function tokenSize(text: string, ruler: TokenRuler): TokenSize {
  let floor: number | undefined;
  let exact: number | undefined;
  return {
    text,
    get floor() {
      return (floor ??= tokenFloor(text));
    },
    exact: () => (exact ??= ruler.count(text)),
  };
}

/** Whether the text has at least `n` tokens. */
export function holdsAtLeast(size: TokenSize, n: number): boolean {
  return size.floor >= n || size.exact() >= n;
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
  if (Buffer.byteLength(output, 'utf8') < size.floor) return true;
  // A light edit keeps most lines: the lines it changed decide, exactly, for less than the output's count.
  if (2 * output.length > size.text.length) {
    const change = changedSegments(size.text, output);
    if (change.changedChars < output.length) return countSegments(change.added, ruler) < countSegments(change.removed, ruler);
  }
  const after = ruler.count(output);
  return after < size.floor || after < size.exact();
}

/** Whether `tokens` is at most `share` of the text's tokens (and fewer than them). */
export function withinShare(tokens: number, size: TokenSize, share: number): boolean {
  const fits = (total: number): boolean => tokens <= share * total && tokens < total;
  return fits(size.floor) || fits(size.exact());
}
