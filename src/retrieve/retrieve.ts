/** `terse_retrieve`: resolves a marker's ref through the store, whole or filtered by a query. */
import type { StoreMissReason } from '../errors.ts';
import { findMarkers, isRef } from '../store/marker.ts';
import type { Store } from '../store/store.ts';
import { parsePositionRanges, type PositionRange } from './position-range.ts';
import { queryOriginal, queryTerms } from './query-original.ts';
import type { QueryMatch } from './query-original.ts';
import { selectItems, selectLines } from './select-positions.ts';
import { RETRIEVE_TOOL_NAME } from './retrieve-tool.ts';
import { safeParseJson } from '../compressors/json/safe-parse.ts';

/** The arguments of the tool as its schema declares them. */
export interface RetrieveArgs {
  readonly ref: string;
  readonly query?: string;
  /** Line numbers as the marker prints them: `"40-88"`, `"12"`, `"1-5, 9"`. */
  readonly lines?: string;
  /** 0-based positions in a JSON original's largest collection: `"0-19"`. */
  readonly items?: string;
}

/** What a retrieval gave: the text, why there is none, or what was wrong with the arguments. */
export type RetrieveResult =
  | { readonly state: 'found'; readonly ref: string; readonly text: string; readonly matched?: QueryMatch }
  | { readonly state: 'missing'; readonly ref: string; readonly reason: StoreMissReason }
  | {
      readonly state: 'invalid';
      readonly field: 'args' | 'ref' | 'query' | 'lines' | 'items';
      readonly message: string;
    };

type InvalidResult = Extract<RetrieveResult, { state: 'invalid' }>;
type Positions = { readonly unit: 'lines' | 'items'; readonly ranges: readonly PositionRange[] };
type ParsedArgs =
  | {
      readonly state: 'valid';
      readonly ref: string;
      readonly query: string | null;
      readonly positions: Positions | null;
    }
  | InvalidResult;

/**
 * Answers a `terse_retrieve` call. `args` (a `RetrieveArgs` as the model sent it, or the JSON string of
 * one, as OpenAI sends `function.arguments`) is validated here: bad arguments give an `invalid` result,
 * never a throw. Without a query, lines or items the text is the
 * exact original; `lines` or `items` select by position, and `query` narrows either.
 */
export async function retrieve(store: Store, args: unknown, options: RetrieveOptions = {}): Promise<RetrieveResult> {
  const parsed = parseArgs(args);
  if (parsed.state === 'invalid') return parsed;
  const lookup = await store.get(parsed.ref);
  if (!lookup.found) return { state: 'missing', ref: parsed.ref, reason: lookup.reason };
  const { positions, query } = parsed;
  if (positions === null && query === null) return { state: 'found', ref: parsed.ref, text: lookup.original };
  const terms = query === null ? [] : queryTerms(query);
  let answer = positions === null ? queryOriginal(lookup.original, query as string) : null;
  if (positions?.unit === 'lines') answer = selectLines(lookup.original, positions.ranges, terms);
  if (positions?.unit === 'items') {
    answer = selectItems(lookup.original, positions.ranges, terms);
    if (answer === null) return invalid('items', 'this original holds no JSON collection; ask by lines instead');
  }
  const { text, matched } = answer as NonNullable<typeof answer>;
  return {
    state: 'found',
    ref: parsed.ref,
    text: boundedAnswer(text, options.maxAnswerChars ?? MAX_ANSWER_CHARS),
    matched,
  };
}

/** Options of `retrieve`. */
export interface RetrieveOptions {
  /** Longest answer to a query, lines or items (a query like `((` matches every line). @default MAX_ANSWER_CHARS */
  readonly maxAnswerChars?: number;
}

/** Characters a filtered answer may hold: about 16k tokens, far more than a model reads usefully at once. */
export const MAX_ANSWER_CHARS = 64_000;

/** `text` cut at the last line end within `max` characters, saying so and how to ask for the rest. */
function boundedAnswer(text: string, max: number): string {
  if (text.length <= max) return text;
  const lineEnd = text.lastIndexOf('\n', max);
  const kept = text.slice(0, lineEnd > 0 ? lineEnd : max);
  return `${kept}\n(answer cut at ${kept.length} of ${text.length} characters: narrow the query, or ask for fewer lines or items)`;
}

function parseArgs(args: unknown): ParsedArgs {
  if (typeof args === 'string') {
    const parsed = safeParseJson(args);
    if (!parsed.ok)
      return invalid('args', `not JSON (${parsed.error}); expected an object like {"ref": "0123456789abcdef"}`);
    args = parsed.value;
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    return invalid('args', 'expected an object like {"ref": "0123456789abcdef"}');
  }
  const { ref, query, lines, items } = args as { ref?: unknown; query?: unknown; lines?: unknown; items?: unknown };
  if (ref === undefined) return invalid('ref', 'missing; pass the 16 hex characters after "terse:" in the marker');
  if (typeof ref !== 'string') return invalid('ref', `expected a string, got ${typeOf(ref)}`);
  if (query !== undefined && query !== null && typeof query !== 'string') {
    return invalid('query', `expected a string, got ${typeOf(query)}`);
  }
  const normalized = normalizeRef(ref);
  if (normalized === null) {
    return invalid('ref', `${JSON.stringify(ref.slice(0, 80))} is not a ref: expected 16 hex characters`);
  }
  const positions = parsePositions(lines, items);
  if (positions !== null && 'state' in positions) return positions;
  const trimmed = typeof query === 'string' ? query.trim() : '';
  return { state: 'valid', ref: normalized, query: trimmed === '' ? null : trimmed, positions };
}

/** `lines` or `items` (not both) as ranges; a number is read as a one-position range. */
function parsePositions(lines: unknown, items: unknown): Positions | InvalidResult | null {
  const given = (value: unknown): boolean => value !== undefined && value !== null && value !== '';
  if (given(lines) && given(items)) return invalid('items', 'pass lines or items, not both');
  const unit = given(lines) ? 'lines' : given(items) ? 'items' : null;
  if (unit === null) return null;
  const value = unit === 'lines' ? lines : items;
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string') return invalid(unit, `expected a string like "40-88", got ${typeOf(value)}`);
  const ranges = parsePositionRanges(text);
  if (ranges === null)
    return invalid(
      unit,
      `${JSON.stringify(text.slice(0, 80))} is not a range: expected "N" or "N-M", several joined by commas`,
    );
  return { unit, ranges };
}

/** Accepts what models tend to send: the bare ref in any case, `terse:<ref>`, or the whole marker. */
function normalizeRef(ref: string): string | null {
  const trimmed = ref.trim();
  const lower = trimmed.toLowerCase();
  if (isRef(lower)) return lower;
  const markers = findMarkers(trimmed);
  if (markers.length === 1 && markers[0] !== undefined) return markers[0].ref;
  const prefixed = /^(?:\[\[)?terse:([0-9a-f]{16})\b/.exec(lower);
  return prefixed?.[1] ?? null;
}

function invalid(field: InvalidResult['field'], message: string): InvalidResult {
  return { state: 'invalid', field, message };
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

const MISSING_EXPLANATION: Record<StoreMissReason, string> = {
  unknown: 'no original with this ref was stored (a marker terse did not write is plain text)',
  expired: 'its original expired from the store',
  evicted: 'its original was evicted from the store to stay under its size bound',
};

/** The text the tool returns to the model for a result. */
export function retrieveResultText(result: RetrieveResult): string {
  switch (result.state) {
    case 'found':
      if (result.matched === undefined) return result.text;
      return result.matched.unit === 'items'
        ? `matched ${result.matched.count} of ${result.matched.total} items\n${result.text}`
        : `${result.matched.count} of ${result.matched.total} lines matched\n${result.text}`;
    case 'missing':
      return `${RETRIEVE_TOOL_NAME}: ref ${result.ref} is ${result.reason}: ${MISSING_EXPLANATION[result.reason]}.`;
    case 'invalid':
      return `${RETRIEVE_TOOL_NAME}: invalid ${result.field}: ${result.message}.`;
  }
}
