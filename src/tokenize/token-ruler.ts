/**
 * The one token ruler: every count before and after compression goes through it (invariant 6).
 * Special-token text such as `<|endoftext|>` is counted as plain text, never thrown on.
 */
import { createHash } from 'node:crypto';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';
import * as cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import type { TokenizerName } from './tokenizer-name.ts';
import { findLongRuns, MIN_RUN, slicesOf } from './long-runs.ts';

export { TOKENIZER_NAMES, isTokenizerName, type TokenizerName } from './tokenizer-name.ts';

/** Counts tokens of text with one named encoding. */
export interface TokenRuler {
  readonly name: TokenizerName;
  count(text: string): number;
}

interface RulerOptions {
  /** Most distinct texts remembered; the cache is dropped whole when it fills. @default 50000 */
  readonly cacheEntries?: number;
}

const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };
const SHORT_KEY_CHARS = 128;

const ENCODINGS: Record<TokenizerName, (text: string) => number> = {
  o200k_base: (text) => o200k.countTokens(text, PLAIN_TEXT),
  cl100k_base: (text) => cl100k.countTokens(text, PLAIN_TEXT),
};

/**
 * BPE merges within one pre-token are quadratic: 200 KB of letters with no break takes ~45 s, 500k
 * newlines minutes. Runs of one pre-token class (`long-runs.ts`; never seen that long in real tool
 * output, easy to send on purpose) are counted in slices of RUN_SLICE units; everything else is
 * counted whole, exactly as the encoder does.
 */
const RUN_SLICE = 256;

function countGuarded(encode: (text: string) => number, text: string): number {
  if (text.length < MIN_RUN) return encode(text);
  const runs = findLongRuns(text);
  if (runs.length === 0) return encode(text);
  let total = 0;
  let at = 0;
  for (const run of runs) {
    if (run.start > at) total += encode(text.slice(at, run.start));
    // Whole characters in every slice, so its tokens never exceed its bytes.
    for (const [from, to] of slicesOf(text, run.start, run.end, RUN_SLICE)) total += encode(text.slice(from, to));
    at = run.end;
  }
  return at < text.length ? total + encode(text.slice(at)) : total;
}

/** Identical blocks are counted once: the cache is keyed by a content hash. */
function cacheKey(text: string): string {
  if (text.length <= SHORT_KEY_CHARS) return text;
  return createHash('sha1').update(text).digest('base64') + text.length.toString(36);
}

/** A ruler for the named encoding, with its own count cache. */
export function createTokenRuler(name: TokenizerName, options: RulerOptions = {}): TokenRuler {
  const limit = options.cacheEntries ?? 50_000;
  const encode = ENCODINGS[name];
  const cache = new Map<string, number>();
  return {
    name,
    count(text: string): number {
      if (text.length === 0) return 0;
      const key = cacheKey(text);
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const counted = countGuarded(encode, text);
      if (cache.size >= limit) cache.clear();
      cache.set(key, counted);
      return counted;
    },
  };
}
