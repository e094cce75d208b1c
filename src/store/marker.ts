/**
 * The one marker grammar and the one content hash of terse (see docs/markers.md).
 *
 *   marker      = "[[terse:" ref " " description "]]"
 *   ref         = 16 lowercase hex digits: the first 64 bits of sha256(UTF-8 bytes of the original)
 *   description = 1 to 200 printable ASCII characters (0x20-0x7e) without "[" or "]",
 *                 neither starting nor ending with a space
 *
 * A marker is plain text until a store says it wrote its ref: a well-formed marker typed by a user
 * resolves to nothing.
 */
import { createHash } from 'node:crypto';

/** Hex digits of a ref: 16 x 4 = 64 bits, enough that an accidental collision never happens in practice. */
export const REF_LENGTH = 16;

/** Longest description a marker may carry; markers sit in the context and cost tokens. */
export const MAX_DESCRIPTION_LENGTH = 200;

/** How every marker opens: text holding it may carry a marker (compressing it again must change nothing). */
export const MARKER_OPENING = '[[terse:';

/** Matches a whole string that is a ref. */
export const REF_PATTERN = /^[0-9a-f]{16}$/;

// Printable ASCII without "[" (0x5b) and "]" (0x5d); the edge class also excludes the space.
const DESCRIPTION_CHAR = '[\\x20-\\x5a\\x5c\\x5e-\\x7e]';
const DESCRIPTION_EDGE = '[\\x21-\\x5a\\x5c\\x5e-\\x7e]';
const DESCRIPTION = `${DESCRIPTION_EDGE}(?:${DESCRIPTION_CHAR}{0,${MAX_DESCRIPTION_LENGTH - 2}}${DESCRIPTION_EDGE})?`;

/**
 * The grammar as a regular expression (no flags, so it holds no `lastIndex` state): group 1 is the
 * ref, group 2 the description. Build a global copy with `new RegExp(MARKER_PATTERN.source, 'g')`.
 */
export const MARKER_PATTERN = new RegExp(`\\[\\[terse:([0-9a-f]{${REF_LENGTH}}) (${DESCRIPTION})\\]\\]`);

/** Said when a description has nothing left after sanitising: the grammar needs at least one character. */
const EMPTY_DESCRIPTION = 'content omitted';

/** A marker found in text; `start`/`end` are UTF-16 offsets, `end` exclusive. */
export interface FoundMarker {
  readonly ref: string;
  readonly description: string;
  readonly start: number;
  readonly end: number;
}

/** The content ref of `original`: first 16 hex chars (64 bits) of sha256 over its UTF-8 bytes. */
export function contentRef(original: string): string {
  return createHash('sha256').update(original, 'utf8').digest('hex').slice(0, REF_LENGTH);
}

/** True when `value` has the shape of a ref (it may still be one no store wrote). */
export function isRef(value: string): boolean {
  return REF_PATTERN.test(value);
}

/**
 * Makes any text a valid description: non-ASCII becomes "?", brackets become parentheses (so "]]"
 * can never close the marker early), whitespace runs become one space, and it is cut to the limit.
 */
export function sanitizeDescription(description: string): string {
  const ascii = description
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/gu, '?')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .trim();
  const cut = ascii.slice(0, MAX_DESCRIPTION_LENGTH).trimEnd();
  return cut === '' ? EMPTY_DESCRIPTION : cut;
}

/** `[[terse:<ref> <description>]]`, the description sanitised; throws RangeError for a malformed ref. */
export function formatMarker(ref: string, description: string): string {
  if (!isRef(ref)) {
    throw new RangeError(`formatMarker: ref ${JSON.stringify(ref)} is not ${REF_LENGTH} lowercase hex digits`);
  }
  return `${MARKER_OPENING}${ref} ${sanitizeDescription(description)}]]`;
}

/** Every marker in `text`, in order, matched exactly by the grammar. */
export function findMarkers(text: string): FoundMarker[] {
  const found: FoundMarker[] = [];
  for (const match of text.matchAll(new RegExp(MARKER_PATTERN.source, 'g'))) {
    found.push({
      ref: match[1] ?? '',
      description: match[2] ?? '',
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found;
}
