/** `terse_retrieve`: resolves a marker's ref through the store, whole or filtered by a query. */
import type { StoreMissReason } from '../errors.ts';
import { findMarkers, isRef } from '../store/marker.ts';
import type { Store } from '../store/store.ts';
import { queryOriginal } from './query-original.ts';
import type { QueryMatch } from './query-original.ts';
import { RETRIEVE_TOOL_NAME } from './retrieve-tool.ts';

/** The arguments of the tool as its schema declares them. */
export interface RetrieveArgs {
  readonly ref: string;
  readonly query?: string;
}

/** What a retrieval gave: the text, why there is none, or what was wrong with the arguments. */
export type RetrieveResult =
  | { readonly state: 'found'; readonly ref: string; readonly text: string; readonly matched?: QueryMatch }
  | { readonly state: 'missing'; readonly ref: string; readonly reason: StoreMissReason }
  | { readonly state: 'invalid'; readonly field: 'args' | 'ref' | 'query'; readonly message: string };

type InvalidResult = Extract<RetrieveResult, { state: 'invalid' }>;
type ParsedArgs = { readonly state: 'valid'; readonly ref: string; readonly query: string | null } | InvalidResult;

/**
 * Answers a `terse_retrieve` call. `args` (a `RetrieveArgs` as the model sent it) is validated here: bad
 * arguments give an `invalid` result, never a throw. Without a query the text is the exact original.
 */
export async function retrieve(store: Store, args: unknown): Promise<RetrieveResult> {
  const parsed = parseArgs(args);
  if (parsed.state === 'invalid') return parsed;
  const lookup = await store.get(parsed.ref);
  if (!lookup.found) return { state: 'missing', ref: parsed.ref, reason: lookup.reason };
  if (parsed.query === null) return { state: 'found', ref: parsed.ref, text: lookup.original };
  const answer = queryOriginal(lookup.original, parsed.query);
  return { state: 'found', ref: parsed.ref, text: answer.text, matched: answer.matched };
}

function parseArgs(args: unknown): ParsedArgs {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    return invalid('args', 'expected an object like {"ref": "0123456789abcdef"}');
  }
  const { ref, query } = args as { ref?: unknown; query?: unknown };
  if (ref === undefined) return invalid('ref', 'missing; pass the 16 hex characters after "terse:" in the marker');
  if (typeof ref !== 'string') return invalid('ref', `expected a string, got ${typeOf(ref)}`);
  if (query !== undefined && query !== null && typeof query !== 'string') {
    return invalid('query', `expected a string, got ${typeOf(query)}`);
  }
  const normalized = normalizeRef(ref);
  if (normalized === null) {
    return invalid('ref', `${JSON.stringify(ref.slice(0, 80))} is not a ref: expected 16 hex characters`);
  }
  const trimmed = typeof query === 'string' ? query.trim() : '';
  return { state: 'valid', ref: normalized, query: trimmed === '' ? null : trimmed };
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
