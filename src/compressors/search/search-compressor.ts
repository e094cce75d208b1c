/**
 * The search compressor (grep/ripgrep output). Lossless: the flat `path:12:text` form rewritten with
 * one heading per file (reversible, see search-headings.ts), else null. Balanced/aggressive: hits
 * grouped by file with per-file counts under a header of totals; definitions, conversation-mentioned
 * hits and distinct lines kept; near-duplicates folded with their line numbers; files with identical
 * hits merged into one path set; a per-file cap; one marker for the whole original.
 */
import { tokenFloor } from '../../tokenize/token-floor.ts';
import { fewerTokens, leastTotalWithin, withinShare, type TokenSize } from '../../tokenize/token-size.ts';
import {
  inputSize,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { MARKER_PATTERN } from '../../store/marker.ts';
import { dropInput } from '../lossy-result.ts';
import type { Profile } from '../../types.ts';
import { discriminatingMentions } from './discriminating-mentions.ts';
import { formatPathSet } from './path-set.ts';
import { planHits, type HitGroup, type SearchRules } from './search-fold-plan.ts';
import { toHeadings } from './search-headings.ts';
import { searchLines } from './search-lines.ts';
import { parseSearchOutput } from './search-output.ts';
import { foldNotes } from './search-notes.ts';

const RULES: Record<Exclude<Profile, 'lossless'>, Omit<SearchRules, 'mentioned'>> = {
  balanced: { perFileCap: 12, keepContext: true },
  aggressive: { perFileCap: 5, keepContext: false },
};
const LISTED_LINES = 12;
const LOSSY_MUST_SAVE = 0.9;

function lineList(lines: readonly (number | null)[]): string {
  const numbers = lines.filter((line): line is number => line !== null);
  if (numbers.length === 0 || numbers.length > LISTED_LINES) return '';
  return `: ${numbers.length === 1 ? 'line' : 'lines'} ${numbers.join(', ')}`;
}

function renderGroup(group: HitGroup): string[] {
  const paths = group.paths.filter((path): path is string => path !== null);
  const plural = group.matches === 1 ? 'match' : 'matches';
  const out: string[] = [];
  if (paths.length > 1)
    out.push(`${formatPathSet(paths)} (${paths.length} files, ${group.matches} ${plural} each; lines of the first)`);
  else if (paths.length === 1) out.push(`${paths[0]} (${group.matches} ${plural})`);
  for (const { hit, similar } of group.kept) {
    const prefix = hit.line === null ? '' : `${hit.line}${hit.context ? '-' : ':'}`;
    out.push(`${prefix}${hit.content}`);
    if (similar.length > 0) out.push(`  (+${similar.length} similar${lineList(similar)})`);
  }
  if (group.dropped.length > 0)
    out.push(
      `  (+${group.dropped.length} more ${group.dropped.length === 1 ? 'match' : 'matches'}${lineList(group.dropped)})`,
    );
  return out;
}

/**
 * Whether a lossy form of at most `tokens` tokens wins clearly whatever the lossless form turns out
 * to be: within the share of both floors, the input's and the heading form's, no count can say no.
 */
function clearWinBound(headings: string | null, size: TokenSize): (tokens: number) => boolean {
  let headingsFloor: number | undefined;
  return (tokens) =>
    size.floorReaches(leastTotalWithin(tokens, LOSSY_MUST_SAVE)) &&
    (headings === null || tokens <= LOSSY_MUST_SAVE * (headingsFloor ??= tokenFloor(headings)));
}

/** How many of `lines` hold something. */
function nonEmpty(lines: readonly string[]): number {
  let count = 0;
  for (const line of lines) if (line.length > 0) count += 1;
  return count;
}

function compressSearch(input: CompressInput, context: CompressContext): CompressResult | null {
  if (MARKER_PATTERN.test(input.text)) return null;
  // Cheap shape checks come before any token count: counting is the costly part on odd input.
  const source = searchLines(input.text);
  const output = parseSearchOutput(input.text, source);
  if (output.files.length === 0) return null;
  const size = inputSize(input, context.ruler);
  const headings = toHeadings(input.text, source);
  const losslessForm = (): CompressResult | null =>
    headings !== null && fewerTokens(headings, size, context.ruler)
      ? { text: headings, lossy: false, dropped: [] }
      : null;
  if (context.profile === 'lossless') return losslessForm();
  const mentioned = discriminatingMentions(output.files, context.conversation);
  const groups = planHits(output.files, { ...RULES[context.profile], mentioned });
  const matches = groups.reduce((sum, group) => sum + group.matches * group.paths.length, 0);
  const files = groups.reduce((sum, group) => sum + group.paths.length, 0);
  const shown = groups.reduce((sum, group) => sum + group.kept.length, 0);
  const body = groups.flatMap((group) => [...renderGroup(group), '']);
  const notes = foldNotes(output.notes);
  const drop = dropInput(input.text);
  const lines = nonEmpty(source.lines);
  const marker = drop.marker(
    `${lines - shown - notes.verbatim} of ${lines} search output lines not shown verbatim; the ref holds all`,
  );
  const text = [
    `${matches} ${matches === 1 ? 'match' : 'matches'} in ${files} ${files === 1 ? 'file' : 'files'}`,
    ...body,
    ...notes.lines,
    marker,
  ].join('\n');
  const result = drop.result(text);
  // A lossy form must win clearly: a marker costs a retrieval, and a near tie could flip on a re-run.
  const clearly = clearWinBound(headings, size);
  if (clearly(Buffer.byteLength(text, 'utf8'))) return result;
  const after = context.ruler.count(text);
  if (clearly(after)) return result;
  const lossless = losslessForm();
  const clearWin =
    lossless === null
      ? withinShare(after, size, LOSSY_MUST_SAVE)
      : after <= LOSSY_MUST_SAVE * context.ruler.count(lossless.text);
  if (!clearWin) return lossless;
  return result;
}

/** Groups search hits by file, keeps definitions and distinct lines, folds near-duplicates. */
export const searchCompressor: Compressor = {
  name: 'search',
  kinds: ['search'],
  compress: compressSearch,
};
