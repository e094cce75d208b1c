/** Answers a `terse_retrieve` query: only the JSON items, or else the lines, of an original that match. */
import type { JsonValue } from '../types.ts';

/** How much of the original a query kept: `count` of `total` items or lines. */
export interface QueryMatch {
  readonly unit: 'items' | 'lines';
  readonly count: number;
  readonly total: number;
}

/** The matching part of an original, and how much of it that is. */
export interface QueryAnswer {
  readonly text: string;
  readonly matched: QueryMatch;
}

/** The lowercased, whitespace-separated terms of a query; every one must occur for a match. */
export function queryTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== '');
}

/**
 * Filters `original` by `query` (case-insensitive; all terms must match). A JSON original answers
 * with the matching items of its largest collection: an array (as a JSON array) or an object whose
 * many values are all objects (its matching entries, key or value, as a JSON object). Anything else
 * answers with the matching lines, each prefixed by its 1-based line number.
 */
export function queryOriginal(original: string, query: string): QueryAnswer {
  const terms = queryTerms(query);
  const collection = largestJsonCollection(original);
  if (collection === null) return matchLines(original, terms);
  return Array.isArray(collection) ? matchItems(collection, terms) : matchEntries(collection, terms);
}

function matchItems(items: readonly JsonValue[], terms: readonly string[]): QueryAnswer {
  const kept = items.filter((item) => containsAll(itemHaystack(item), terms));
  const text = kept.length === 0 ? '[]' : `[\n${kept.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  return { text, matched: { unit: 'items', count: kept.length, total: items.length } };
}

/** A keyed collection's matching entries (key or value), as a JSON object, one entry per line. */
function matchEntries(collection: KeyedCollection, terms: readonly string[]): QueryAnswer {
  const entries = Object.entries(collection);
  const kept = entries.filter(([key, value]) => containsAll(`${key.toLowerCase()}\n${itemHaystack(value)}`, terms));
  const text =
    kept.length === 0
      ? '{}'
      : `{\n${kept.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',\n')}\n}`;
  return { text, matched: { unit: 'items', count: kept.length, total: entries.length } };
}

function matchLines(original: string, terms: readonly string[]): QueryAnswer {
  const lines = splitLines(original);
  const kept: string[] = [];
  lines.forEach((line, index) => {
    if (containsAll(line.toLowerCase(), terms)) kept.push(`${index + 1}: ${line}`);
  });
  return { text: kept.join('\n'), matched: { unit: 'lines', count: kept.length, total: lines.length } };
}

/** Lines as an editor numbers them: any of \r\n, \n, \r ends one; a final line end opens no new line. */
export function splitLines(original: string): string[] {
  if (original === '') return [];
  const lines = original.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function containsAll(haystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => haystack.includes(term));
}

/**
 * The item as JSON, plus its keys and string values unescaped, so a term with a quote, backslash
 * or control character matches what the model saw as well as the JSON spelling of it.
 */
export function itemHaystack(item: JsonValue): string {
  const parts = [JSON.stringify(item)];
  collectStrings(item, parts);
  return parts.join('\n').toLowerCase();
}

function collectStrings(value: JsonValue, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((child) => collectStrings(child, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.push(key);
      collectStrings(child, into);
    }
  }
}

/** An object used as a collection: many keys, every value an object (npm's `versions`, records by id). */
type KeyedCollection = { readonly [key: string]: JsonValue };

/** Keys an object needs to count as a collection rather than a record. */
export const MIN_COLLECTION_KEYS = 8;

function asKeyedCollection(value: { readonly [key: string]: JsonValue }): KeyedCollection | null {
  const values = Object.values(value);
  if (values.length < MIN_COLLECTION_KEYS) return null;
  return values.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) ? value : null;
}

/**
 * The collection with most items anywhere in a JSON original, first in document order on a tie: an
 * array, or an object whose many values are all objects. Null for text that is not JSON or holds none.
 */
export function largestJsonCollection(original: string): JsonValue[] | KeyedCollection | null {
  const start = original.trimStart()[0];
  if (start !== '[' && start !== '{') return null;
  const parsed = parseJson(original);
  if (parsed === undefined) return null;
  let largest: JsonValue[] | KeyedCollection | null = null;
  let largestSize = 0;
  const visit = (value: JsonValue): void => {
    if (Array.isArray(value)) {
      if (value.length > largestSize) [largest, largestSize] = [value, value.length];
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      const keyed = asKeyedCollection(value);
      const size = Object.keys(value).length;
      if (keyed !== null && size > largestSize) [largest, largestSize] = [keyed, size];
      Object.values(value).forEach(visit);
    }
  };
  visit(parsed);
  return largest;
}

/** Malformed JSON is normal input here: it is answered line by line instead. */
function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}
