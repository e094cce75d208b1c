/**
 * The one token ruler: every count before and after compression goes through it (invariant 6).
 * Special-token text such as `<|endoftext|>` is counted as plain text, never thrown on.
 */
import { createHash } from 'node:crypto';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';
import * as cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import type { TokenizerName } from '../config.ts';

export type { TokenizerName } from '../config.ts';
export { TOKENIZER_NAMES, isTokenizerName } from '../config.ts';

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
 * BPE merges within one pre-token are quadratic: 200 KB of letters with no break takes ~45 s. Such
 * runs (never seen in real tool output, easy to send on purpose) are counted in slices of
 * RUN_SLICE chars; everything else is counted whole, exactly as the encoder does.
 */
const LONG_RUN = /[\p{L}\p{M}]{1024,}|[^\s\p{L}\p{M}\p{N}]{1024,}/u;
const RUN_SLICE = 256;

const MIN_RUN = 1024;

/** Space, tab, newline, carriage return: characters neither class of LONG_RUN admits. */
function breaksRun(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/**
 * LONG_RUN.test(text), without its Unicode-class scan of every character (a few ms per 100 KB): a
 * match lies inside a stretch of MIN_RUN or more characters free of space, tab and newline, so only
 * such stretches are tested. They are found reading each window from its end backwards: one break
 * skips the whole window, and no character is read twice.
 */
function holdsLongRun(text: string): boolean {
  let start = 0;
  // Characters in [start, clean) are known not to break a run.
  let clean = 0;
  while (start + MIN_RUN <= text.length) {
    let at = start + MIN_RUN - 1;
    while (at >= clean && !breaksRun(text.charCodeAt(at))) at--;
    if (at >= clean) {
      clean = start + MIN_RUN;
      start = at + 1;
      continue;
    }
    let end = start + MIN_RUN;
    while (end < text.length && !breaksRun(text.charCodeAt(end))) end++;
    if (LONG_RUN.test(text.slice(start, end))) return true;
    start = end + 1;
    clean = start;
  }
  return false;
}

function countGuarded(encode: (text: string) => number, text: string): number {
  if (text.length < 1024) return encode(text);
  if (!holdsLongRun(text)) return encode(text);
  let total = 0;
  let at = 0;
  // A fresh global copy: matchAll would otherwise inherit a shared regex's lastIndex.
  for (const run of text.matchAll(new RegExp(LONG_RUN.source, 'gu'))) {
    total += encode(text.slice(at, run.index));
    const piece = run[0];
    for (let i = 0; i < piece.length; ) {
      let end = Math.min(i + RUN_SLICE, piece.length);
      // Never cut a surrogate pair: every slice stays whole characters, so its tokens never exceed its bytes.
      const last = piece.charCodeAt(end - 1);
      if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end--;
      total += encode(piece.slice(i, end));
      i = end;
    }
    at = run.index + run[0].length;
  }
  return total + encode(text.slice(at));
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
