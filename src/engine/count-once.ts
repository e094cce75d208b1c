/**
 * Token counts of texts a session sends again in every request, kept by the object that holds them
 * (a part read once, a frozen outcome): counting through the ruler's content-hash cache would hash
 * every earlier block again on each request, and make a session quadratic in its length.
 */
import type { TokenRuler } from '../tokenize/token-ruler.ts';

// One map per ruler: encodings count differently.
const countsByRuler = new WeakMap<TokenRuler, WeakMap<object, number>>();

/** `ruler.count(text)`, remembered for `holder` (which must always hold this same text). */
export function countOnce(ruler: TokenRuler, holder: object, text: string): number {
  let counts = countsByRuler.get(ruler);
  if (counts === undefined) countsByRuler.set(ruler, (counts = new WeakMap()));
  let count = counts.get(holder);
  if (count === undefined) counts.set(holder, (count = ruler.count(text)));
  return count;
}
