/**
 * The token figures a report shows for one compressed request, counted apart from the engine's
 * work (a proxy never needs them): the whole request and its compressible part, before and after.
 */
import type { TokenRuler } from '../tokenize/token-ruler.ts';
import type { CompressedRequest, PartResult } from './compress-request.ts';
import { countOnce } from './count-once.ts';

/** Tokens of one part as it came and as it is sent. */
export interface PartTokens {
  readonly result: PartResult;
  readonly before: number;
  readonly after: number;
}

/** Token counts of one compressed request. */
export interface RequestMeasure {
  readonly tokensBefore: number;
  readonly tokensAfter: number;
  readonly compressibleBefore: number;
  readonly compressibleAfter: number;
  /** Every part of the request, in `compressed.parts` order. */
  readonly parts: readonly PartTokens[];
}

/** The last request measured with each ruler: a session's next request carries most of the same results. */
const lastMeasured = new WeakMap<
  TokenRuler,
  { readonly results: readonly PartResult[]; readonly parts: readonly PartTokens[] }
>();

/** Counts every part of `compressed` before and after with `ruler` (the retrieve tool included). */
export function measureRequest(compressed: CompressedRequest, ruler: TokenRuler): RequestMeasure {
  const { tools } = compressed.edits;
  const toolsTokens = tools === undefined ? 0 : ruler.count(JSON.stringify(tools));
  const previous = lastMeasured.get(ruler);
  const parts: PartTokens[] = new Array<PartTokens>(compressed.parts.length);
  let tokensBefore = 0,
    tokensAfter = 0,
    compressibleBefore = 0,
    compressibleAfter = 0;
  compressed.parts.forEach((result, index) => {
    const { part, outcome, text } = result;
    let measured = previous?.results[index] === result && part.role !== 'tools' ? previous.parts[index] : undefined;
    if (measured === undefined) {
      // A part at a new place is counted through the ruler's cache; an outcome's text once per outcome.
      const before = ruler.count(part.text);
      const after =
        part.role === 'tools' && tools !== undefined
          ? toolsTokens
          : text === part.text
            ? before
            : outcome !== null
              ? countOnce(ruler, outcome, text)
              : ruler.count(text);
      measured = { result, before, after };
    }
    parts[index] = measured;
    tokensBefore += measured.before;
    tokensAfter += measured.after;
    if (outcome !== null) {
      compressibleBefore += measured.before;
      compressibleAfter += measured.after;
    }
  });
  lastMeasured.set(ruler, { results: compressed.parts, parts });
  // A request without tools gets the retrieve tool as a new list.
  if (tools !== undefined && !compressed.parts.some((p) => p.part.role === 'tools')) tokensAfter += toolsTokens;
  return { tokensBefore, tokensAfter, compressibleBefore, compressibleAfter, parts };
}
