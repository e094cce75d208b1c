/**
 * Lossy step for JSON whose bulk is prose (issue lists, tickets, search hits with bodies): a long
 * string value keeps its opening, then the lines that tell the most (errors, tracebacks, names the
 * conversation mentions), and ends with a marker that says how many of its characters were left out.
 * The marker points at the whole original, which the retrieve tool can filter by a query.
 */
import type { JsonValue, Profile } from '../../types.ts';
import { formatMarker } from '../../store/marker.ts';
import { mapChildren } from './map-children.ts';

/** How far a lossy profile shortens strings. */
export interface StringPlan {
  /** Strings this long or shorter stay whole. */
  readonly maxChars: number;
  /** Characters of opening kept from a longer string. */
  readonly headChars: number;
  /** Characters of telling lines kept after the opening, at most. */
  readonly tellingChars: number;
}

/** How a profile shortens a lone long string, and one in a row of a table (an array of similar objects). */
export interface StringPlans {
  readonly value: StringPlan;
  /**
   * A row of a list (issues, search hits) is one of many: its long strings are a skim of what the
   * item holds, and the list's own tool gives an item whole, so they keep a shorter opening.
   */
  readonly tableCell: StringPlan;
}

const SKIM: StringPlan = { maxChars: 500, headChars: 200, tellingChars: 240 };

export const STRING_PLANS: Record<Exclude<Profile, 'lossless'>, StringPlans> = {
  balanced: { value: { maxChars: 900, headChars: 360, tellingChars: 480 }, tableCell: SKIM },
  aggressive: { value: SKIM, tableCell: SKIM },
};

/** Arrays of at least this many objects are tables: their rows' strings get the table-cell plan. */
const MIN_TABLE_ROWS = 3;

/** Shortening that leaves out fewer characters than this is not worth a marker. */
const MIN_OMITTED = 300;
/** A telling line longer than this is cut (a log line pasted whole into an issue). */
const MAX_LINE = 240;
const TELLING =
  /\b(?:\w*(?:Error|Exception|Warning)\b|errors?\b|exceptions?\b|traceback|fatal|failed|failure|panic|segfault|raises?\b|expected\b|actual\b)/i;

/** The shortened value and how many strings were shortened. */
export interface ShortenedValue {
  readonly value: JsonValue;
  readonly shortened: number;
}

/** Where the opening ends: at the last line break or sentence end within `limit`, else the last space. */
function openingEnd(text: string, limit: number): number {
  const window = text.slice(0, limit);
  const lineBreak = window.lastIndexOf('\n');
  if (lineBreak >= limit / 2) return lineBreak;
  const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  if (sentence >= limit / 2) return sentence + 1;
  const space = window.lastIndexOf(' ');
  return space >= limit / 2 ? space : limit;
}

function mentions(line: string, mentioned: ReadonlySet<string>): boolean {
  for (const name of mentioned) if (line.includes(name)) return true;
  return false;
}

/**
 * `text` shortened by `plan`, or `text` itself when shortening would leave out too little. The
 * first marker of a document says how to get the rest; later ones (the same ref) only how much.
 */
export function shortenString(
  text: string,
  plan: StringPlan,
  mentioned: ReadonlySet<string>,
  ref: string,
  first = true,
): string {
  if (text.length <= plan.maxChars) return text;
  const end = openingEnd(text, plan.headChars);
  const parts = [text.slice(0, end).trimEnd()];
  let kept = end;
  let budget = plan.tellingChars;
  let lastLine = -1;
  const rest = text.slice(end).split('\n');
  for (let index = 0; index < rest.length && budget > 0; index++) {
    const line = (rest[index] ?? '').trim();
    if (line.length === 0 || !(TELLING.test(line) || mentions(line, mentioned))) continue;
    const shown = line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
    parts.push(lastLine === index - 1 ? shown : `…\n${shown}`);
    kept += Math.min(line.length, MAX_LINE);
    budget -= shown.length;
    lastLine = index;
  }
  const omitted = text.length - kept;
  if (omitted < MIN_OMITTED) return text;
  const description = first
    ? `${omitted} of ${text.length} chars of this value omitted; retrieve with query`
    : `${omitted} of ${text.length} chars omitted`;
  return `${parts.join('\n')}\n… ${formatMarker(ref, description)}`;
}

const isObjectRow = (item: JsonValue): boolean => typeof item === 'object' && item !== null && !Array.isArray(item);

/** Shortens every long string of `value` (keys stay whole); `ref` is the content ref of the whole original. */
export function shortenLongStrings(
  value: JsonValue,
  plans: StringPlans,
  mentioned: ReadonlySet<string>,
  ref: string,
): ShortenedValue {
  let shortened = 0;
  const visit = (node: JsonValue, plan: StringPlan): JsonValue => {
    if (typeof node !== 'string') {
      const table = Array.isArray(node) && node.length >= MIN_TABLE_ROWS && node.every(isObjectRow);
      const inner = table ? plans.tableCell : plan;
      return mapChildren(node, (child) => visit(child, inner));
    }
    const short = shortenString(node, plan, mentioned, ref, shortened === 0);
    if (short !== node) shortened++;
    return short;
  };
  return { value: visit(value, plans.value), shortened };
}
