/** Fixed-epoch timestamps for generated data: the generators never read a clock. */

/** 2025-03-11T00:00:00Z: the day every generated session takes place. */
export const SESSION_EPOCH_MS = Date.UTC(2025, 2, 11);

/** `2025-03-11T08:14:07Z` for `epochMs + offsetSeconds`. */
export function isoSeconds(offsetSeconds: number, epochMs: number = SESSION_EPOCH_MS): string {
  return new Date(epochMs + offsetSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `2025-03-11T08:14:07.312Z` for `epochMs + offsetMs`. */
export function isoMillis(offsetMs: number, epochMs: number = SESSION_EPOCH_MS): string {
  return new Date(epochMs + offsetMs).toISOString();
}

/** `2025-02-27` for `epochMs - daysBefore` days. */
export function isoDateBefore(daysBefore: number, epochMs: number = SESSION_EPOCH_MS): string {
  return new Date(epochMs - daysBefore * 86_400_000).toISOString().slice(0, 10);
}
