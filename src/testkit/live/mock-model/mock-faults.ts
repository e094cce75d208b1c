/**
 * Faults the mock model serves on purpose, one per request in arrival order, so the retry, resume
 * and budget paths run for real: an HTTP status (429 and 5xx carry `retry-after-ms: 1`, so a client
 * that honours it retries at once), a request left hanging until the client gives up, or a 200 whose
 * body is cut off mid-JSON.
 */

/** One fault, served to one request. */
export type MockFault =
  { readonly kind: 'status'; readonly status: number } | { readonly kind: 'hang' } | { readonly kind: 'malformed' };

/** `count` copies of `item`: `times(8, RATE_LIMITED)` is a 429 storm of eight. */
export function times<T>(count: number, item: T): T[] {
  return Array.from({ length: count }, () => item);
}

export const RATE_LIMITED: MockFault = { kind: 'status', status: 429 };
export const SERVER_ERROR: MockFault = { kind: 'status', status: 500 };
export const OVERLOADED: MockFault = { kind: 'status', status: 529 };
export const HANG: MockFault = { kind: 'hang' };
export const MALFORMED: MockFault = { kind: 'malformed' };

/** The error body each API sends with a status. */
export function errorBody(api: 'anthropic' | 'openai', status: number): string {
  const type = status === 429 ? 'rate_limit_error' : status === 529 ? 'overloaded_error' : 'api_error';
  const message = `mock model: ${type} on purpose`;
  return api === 'anthropic'
    ? JSON.stringify({ type: 'error', error: { type, message } })
    : JSON.stringify({ error: { type, message, code: String(status) } });
}

/** A body cut off in the middle, as a dropped proxy might deliver it. */
export const MALFORMED_BODY = '{"id":"msg_cut","type":"message","content":[{"type":"te';
