/**
 * Writes an outline: the original rows, with each elided region replaced by one marker line in the
 * language's comment syntax. Line numbers in markers are 1-based rows of the original, so every kept
 * line can be placed back: `# [[terse:<ref> lines 40-88 omitted; calls: foo, bar.baz]]`.
 */
import { MAX_DESCRIPTION_LENGTH, formatMarker } from '../../store/marker.ts';
import type { LanguageRules } from './code-languages.ts';
import type { ElidedRegion } from './plan-elisions.ts';
import type { SourceLines } from './source-lines.ts';

/** `lines 40-88 omitted; calls: a, b, +3 more`: at most `maxCalls` names, within a description's limit. */
export function describeRegion(region: ElidedRegion, maxCalls: number, firstLineNumber = 1): string {
  const base = `lines ${region.firstRow + firstLineNumber}-${region.lastRow + firstLineNumber} omitted`;
  if (region.calls.length === 0) return base;
  const prefix = `${base}; ${region.namesAre ?? 'calls'}: `;
  const shown: string[] = [];
  let length = prefix.length;
  const cap = region.listsAll === true ? Infinity : maxCalls;
  for (const [index, name] of region.calls.entries()) {
    // Names past the cap are counted, not listed: each costs tokens in every outline.
    if (index >= cap) break;
    const rest = region.calls.length - index - 1;
    const suffix = rest > 0 ? `, +${rest} more`.length : 0;
    if (length + name.length + 2 + suffix > MAX_DESCRIPTION_LENGTH) break;
    shown.push(name);
    length += name.length + 2;
  }
  if (shown.length === 0) return `${base}; ${region.calls.length} ${region.namesAre ?? 'calls'}`;
  const hidden = region.calls.length - shown.length;
  return `${prefix}${shown.join(', ')}${hidden > 0 ? `, +${hidden} more` : ''}`;
}

/** How a marker line is written. */
export interface MarkerStyle {
  readonly ref: string;
  readonly rules: LanguageRules;
  readonly maxCalls: number;
  /** The number the marker gives the first row: a line-numbered view's own first number. @default 1 */
  readonly firstLineNumber?: number;
}

function markerLine(region: ElidedRegion, style: MarkerStyle, endsWithCarriageReturn: boolean): string {
  const { ref, rules } = style;
  const marker = formatMarker(ref, describeRegion(region, style.maxCalls, style.firstLineNumber));
  const eol = endsWithCarriageReturn ? '\r' : '';
  if (region.closing !== null) return `${region.indent}${marker}${region.closing}${eol}`;
  const filler = region.filler && rules.emptyBodyFiller !== null ? `${rules.emptyBodyFiller}  ` : '';
  return `${region.indent}${filler}${rules.lineComment} ${marker}${eol}`;
}

/** One region and the marker line written in its place. */
export interface Replacement {
  readonly region: ElidedRegion;
  readonly line: string;
}

/** An outline's text and what replaced what in it. */
export interface RenderedOutline {
  readonly text: string;
  readonly replacements: readonly Replacement[];
  /** For each outline line, the original row it copies, or null for a marker line. */
  readonly sourceRows: readonly (number | null)[];
}

/** The outline text; `regions` are in row order and do not overlap. */
export function renderOutline(
  lines: SourceLines,
  regions: readonly ElidedRegion[],
  style: MarkerStyle,
): RenderedOutline {
  const out: string[] = [];
  const replacements: Replacement[] = [];
  const sourceRows: (number | null)[] = [];
  let row = 0;
  const keep = (until: number): void => {
    for (; row < until; row += 1) {
      out.push(lines.row(row));
      sourceRows.push(row);
    }
  };
  for (const region of regions) {
    keep(region.firstRow);
    const line = markerLine(region, style, lines.row(region.lastRow).endsWith('\r'));
    out.push(line);
    sourceRows.push(null);
    replacements.push({ region, line });
    row = region.lastRow + 1;
  }
  keep(lines.count);
  return { text: out.join('\n'), replacements, sourceRows };
}
