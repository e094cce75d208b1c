/**
 * The `json-minify` compressor: compact re-serialisation of JSON and nothing else (the bench's baseline).
 * A document cut short (`head` over a JSON file) loses its insignificant whitespace and stays cut.
 */
import { scanJson } from '../../detect/json-shape.ts';
import type { Compressor } from '../compressor.ts';
import { safeParseJson } from './safe-parse.ts';

/** A cut document worth the name opens an object or array (an empty text is a valid start of JSON too). */
const OPENS_CONTAINER = /^\s*[[{]/;

/** `text` without the whitespace outside its strings: for a valid JSON prefix, the same prefix, compact. */
function withoutInsignificantWhitespace(text: string): string {
  const kept: string[] = [];
  let inString = false;
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      kept.push(text.slice(from, i));
      from = i + 1;
    }
  }
  kept.push(text.slice(from));
  return kept.join('');
}

/** The compact form of `text`, or null when it is neither JSON nor a valid start of JSON (or holds an unfaithful number). */
function minified(text: string): string | null {
  const parsed = safeParseJson(text);
  if (parsed.ok) return JSON.stringify(parsed.value);
  // Only whitespace is dropped from a cut document: no value is re-serialised, so every number stays as written.
  return OPENS_CONTAINER.test(text) && scanJson(text).shape === 'prefix' ? withoutInsignificantWhitespace(text) : null;
}

/** Lossless: rewrites JSON without insignificant whitespace; null when the text is not JSON or already compact. */
export const jsonMinify: Compressor = {
  name: 'json-minify',
  kinds: ['json'],
  compress(input, context) {
    const text = minified(input.text);
    if (text === null || text === input.text) return null;
    return { text, lossy: false, dropped: [] };
  },
};
