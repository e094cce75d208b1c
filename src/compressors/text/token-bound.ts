/** "Is this text more than N tokens?" without counting all of a huge text. */
import type { TokenRuler } from '../../tokenize/token-ruler.ts';

const CHUNK_CHARS = 65_536;

/**
 * True when `text` counts more than `limit` tokens. Counts chunk by chunk, cut after a newline that
 * a non-space character follows (a pre-token boundary, so chunk counts add up to the whole count),
 * and stops as soon as the running sum passes the limit. `known` is the ruler's count of `text`, if held.
 */
export function exceedsTokens(text: string, limit: number, ruler: TokenRuler, known?: number): boolean {
  // Below a chunk the count is the ruler's whole count, which the caller may already hold.
  if (text.length <= CHUNK_CHARS) return (known ?? ruler.count(text)) > limit;
  let sum = 0;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK_CHARS);
    while (end < text.length && !(text[end - 1] === '\n' && !/\s/.test(text[end] ?? ' '))) end += 1;
    sum += ruler.count(text.slice(start, end));
    if (sum > limit) return true;
    start = end;
  }
  return false;
}
