/**
 * Renders an outline and holds it to the syntax rule (reparse-outline.ts). A list elision may meet a
 * grammar that refuses a trailing separator or an empty list, or make a fragment's own errors vanish
 * (error recovery is not local, and the outline, read again, would then be outlined further): the
 * list elision whose marker lies nearest the error is given up and the outline tried again, a few
 * times at most, then once with no list elision at all, so one refusing list does not cost the
 * whole outline.
 */
import type { Parser, Tree } from 'web-tree-sitter';
import { outlineEdits } from './outline-edits.ts';
import type { ElidedRegion } from './plan-scope.ts';
import { renderOutline, type MarkerStyle, type RenderedOutline } from './render-outline.ts';
import { forbiddenErrorRow } from './reparse-outline.ts';
import type { SourceLines } from './source-lines.ts';
import type { RowSpan } from './syntax-errors.ts';

/** List elisions given up, one per try, before the outline is refused. */
const MAX_RETRIES = 4;

/** An outline that passed the syntax rule, or the outline row of the error that refused it. */
export type CheckedOutline =
  { readonly ok: true; readonly rendered: RenderedOutline } | { readonly ok: false; readonly errorRow: number };

/** The list region whose marker line is nearest `errorRow` in `rendered`, or null when it has none. */
function nearestListRegion(rendered: RenderedOutline, errorRow: number): ElidedRegion | null {
  let best: ElidedRegion | null = null;
  let bestDistance = Infinity;
  let marker = 0;
  for (const [row, source] of rendered.sourceRows.entries()) {
    if (source !== null) continue;
    const region = rendered.replacements[marker]!.region;
    marker += 1;
    const distance = Math.abs(row - errorRow);
    if (region.list === true && distance < bestDistance) {
      best = region;
      bestDistance = distance;
    }
  }
  return best;
}

interface Attempt {
  readonly rendered: RenderedOutline;
  readonly errorRow: number | null;
}

function attempt(
  parser: Parser,
  tree: Tree,
  lines: SourceLines,
  regions: readonly ElidedRegion[],
  style: MarkerStyle,
  originalErrors: readonly RowSpan[],
): Attempt {
  const rendered = renderOutline(lines, regions, style);
  // List elisions in a fragment must leave its errors where they were (see `lostErrorRow`), as a
  // fresh parse sees them: an incremental one may keep an error subtree a fresh one would not find.
  const keepErrors = originalErrors.length > 0 && regions.some((region) => region.list === true);
  // The check edits the tree it is given into the outline's shape: it gets a copy.
  const copy = tree.copy();
  try {
    const edits = keepErrors ? null : outlineEdits(lines, rendered.replacements);
    return { rendered, errorRow: forbiddenErrorRow(parser, copy, rendered, edits, originalErrors, keepErrors) };
  } finally {
    copy.delete();
  }
}

const outcome = ({ rendered, errorRow }: Attempt): CheckedOutline =>
  errorRow === null ? { ok: true, rendered } : { ok: false, errorRow };

/** `regions` rendered and checked against the original `tree` (left as it was). */
export function checkedOutline(
  parser: Parser,
  tree: Tree,
  lines: SourceLines,
  regions: readonly ElidedRegion[],
  style: MarkerStyle,
  originalErrors: readonly RowSpan[],
): CheckedOutline {
  let current = regions;
  for (let retry = 0; retry <= MAX_RETRIES; retry += 1) {
    const tried = attempt(parser, tree, lines, current, style, originalErrors);
    if (tried.errorRow === null) return outcome(tried);
    const culprit = nearestListRegion(tried.rendered, tried.errorRow);
    const rest = current.filter((region) => region !== culprit);
    if (culprit === null || rest.length === 0) return outcome(tried);
    current = rest;
  }
  // Still refused: the outline without any list elision, as function bodies alone would have it.
  const withoutLists = current.filter((region) => region.list !== true);
  return outcome(attempt(parser, tree, lines, withoutLists.length > 0 ? withoutLists : current, style, originalErrors));
}
