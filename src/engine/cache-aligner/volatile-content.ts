/**
 * Content of a system prompt or tool definitions that changes from one session (or request) to the
 * next: dates, timestamps, UUIDs, request ids, long hex ids. Such a value early in the prompt makes
 * every prefix after it uncacheable across sessions; the aligner reports it and never rewrites it.
 */

/** What a volatile value looks like. */
export type VolatileKind = 'timestamp' | 'date' | 'uuid' | 'request-id' | 'hex-id' | 'epoch';

/** One volatile value and where it was found. */
export interface VolatileValue {
  readonly kind: VolatileKind;
  readonly text: string;
  readonly where: 'system' | 'tools';
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** Tried in this order; a later pattern's match that overlaps an earlier one is not counted again. */
const PATTERNS: readonly (readonly [VolatileKind, RegExp])[] = [
  ['uuid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi],
  ['timestamp', /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b/g],
  [
    'date',
    new RegExp(
      `\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{4}\\b|\\b${MONTH} \\d{1,2},? \\d{4}\\b|\\b\\d{1,2} ${MONTH} \\d{4}\\b`,
      'g',
    ),
  ],
  ['request-id', /\b(?:req|request|msg|run|trace|session|span)[_-][A-Za-z0-9]{8,}\b/g],
  ['hex-id', /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{16,}\b/g],
  ['epoch', /\b1[5-9]\d{8}(?:\d{3})?\b/g],
];

/** Volatile values in `text`, in order of appearance, each once. */
export function findVolatile(text: string, where: VolatileValue['where']): VolatileValue[] {
  const found: { start: number; end: number; kind: VolatileKind; text: string }[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, kind, text: match[0] });
    }
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start)
    .filter((f) => !seen.has(f.text) && seen.add(f.text))
    .map(({ kind, text: value }) => ({ kind, text: value, where }));
}
