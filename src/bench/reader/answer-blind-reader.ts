/**
 * The answer-blind reader: the only judge of whether a probe's answer can be `retrieved`. It reads
 * what a model would read (the compressed context and the question, never the answers), picks the
 * markers the question points at, and calls the real `terse_retrieve` handler, at most a few times,
 * deciding each next call from what the previous one returned.
 */
import type { RetrieveArgs } from '../../retrieve/retrieve.ts';
import { formatPositionRanges, inRanges, rangesOf, type PositionRange } from '../../retrieve/position-range.ts';
import { markerSites, type ContextBlock, type MarkerSite } from './marker-sites.ts';
import { readQuestion, type QuestionReading, type QuestionTerm } from './question-terms.ts';

/** What one call returned: its text, and whether it holds anything (a found original, at least one match). */
export interface CallAnswer {
  readonly text: string;
  readonly found: boolean;
}

/** One `terse_retrieve` call the reader made. */
export interface ReaderCall {
  readonly args: RetrieveArgs;
  readonly answer: CallAnswer;
}

/** Runs a `terse_retrieve` call against the store of the run (the real handler). */
export type RetrieveCall = (args: RetrieveArgs) => Promise<CallAnswer>;

/** All the reader may know of a probe: its question. The type keeps answers out of reach. */
export interface ReaderQuestion {
  readonly question: string;
}

export interface ReaderLimits {
  /** Calls per probe. @default 3 */
  readonly maxCalls: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = { maxCalls: 3 };

// A marker whose stated positions hold a position the question names is pointed at outright.
const POSITION_SCORE = 8;

interface RankedSite {
  readonly site: MarkerSite;
  readonly score: number;
  readonly haystack: string;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** True when `word` occurs in `haystack` not inside a longer word (`out` is not in `output`). */
function containsWord(haystack: string, word: string): boolean {
  const guardStart = WORD_CHAR.test(word[0] ?? '');
  const guardEnd = WORD_CHAR.test(word[word.length - 1] ?? '');
  for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + 1)) {
    if (guardStart && WORD_CHAR.test(haystack[at - 1] ?? '')) continue;
    if (guardEnd && WORD_CHAR.test(haystack[at + word.length] ?? '')) continue;
    return true;
  }
  return false;
}

function includesAll(haystack: string, words: readonly string[]): boolean {
  return words.every((word) => containsWord(haystack, word));
}

/** Inverse block frequency: a term every block holds points nowhere. */
function idfOf(terms: readonly QuestionTerm[], blocks: readonly ContextBlock[]): Map<QuestionTerm, number> {
  const lowered = blocks.map((block) => block.text.toLowerCase());
  const idf = new Map<QuestionTerm, number>();
  for (const term of terms) {
    const df = lowered.filter((text) => includesAll(text, term.words)).length;
    idf.set(term, Math.log(1 + lowered.length / (1 + df)));
  }
  return idf;
}

function namedIn(named: readonly number[], stated: readonly PositionRange[]): number[] {
  return named.filter((n) => inRanges(n, stated));
}

/** Markers the question points at, most pointed-at first; among equals, the freshest block first. */
function rankSites(
  reading: QuestionReading,
  blocks: readonly ContextBlock[],
  idf: Map<QuestionTerm, number>,
): RankedSite[] {
  const ranked: RankedSite[] = [];
  const seen = new Set<string>();
  for (const site of markerSites(blocks)) {
    const haystack = `${site.description}\n${site.kept}`.toLowerCase();
    let score = 0;
    for (const term of reading.terms) {
      if (!term.numeric && includesAll(haystack, term.words)) score += term.weight * (idf.get(term) ?? 0);
    }
    if (namedIn(reading.positions.lines, site.lines).length > 0) score += POSITION_SCORE;
    if (namedIn(reading.positions.items, site.items).length > 0) score += POSITION_SCORE;
    if (score > 0) ranked.push({ site, score, haystack });
  }
  ranked.sort((a, b) => b.score - a.score || b.site.blockIndex - a.site.blockIndex);
  return ranked.filter(({ site }) => (seen.has(site.ref) ? false : (seen.add(site.ref), true)));
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

/**
 * The calls worth making on one marker, best first: the positions the question names inside what it
 * hides; every specific term of the question at once (numbers too); the single most telling term it
 * shows around the marker; the whole original.
 */
function candidateCalls(ranked: RankedSite, reading: QuestionReading, idf: Map<QuestionTerm, number>): RetrieveArgs[] {
  const { site, haystack } = ranked;
  const calls: RetrieveArgs[] = [];
  const lines = namedIn(reading.positions.lines, site.lines);
  if (lines.length > 0) calls.push({ ref: site.ref, lines: formatPositionRanges(rangesOf(lines)) });
  const items = namedIn(reading.positions.items, site.items);
  if (items.length > 0) calls.push({ ref: site.ref, items: formatPositionRanges(rangesOf(items)) });
  const specific = reading.terms.filter((t) => t.weight >= 2);
  const numbers = reading.terms.filter((t) => t.numeric);
  if (specific.length > 0)
    calls.push({ ref: site.ref, query: unique([...specific, ...numbers].flatMap((t) => t.words)).join(' ') });
  const telling = [...reading.terms]
    .filter((t) => !t.numeric)
    .sort(
      (a, b) =>
        Number(includesAll(haystack, b.words)) - Number(includesAll(haystack, a.words)) ||
        b.weight * (idf.get(b) ?? 0) - a.weight * (idf.get(a) ?? 0),
    )[0];
  if (telling !== undefined) calls.push({ ref: site.ref, query: telling.words.join(' ') });
  calls.push({ ref: site.ref });
  const keys = new Set<string>();
  return calls.filter((call) => (keys.has(JSON.stringify(call)) ? false : (keys.add(JSON.stringify(call)), true)));
}

/**
 * The calls the reader would make for `question` on `blocks`, in the order it would make them: the
 * markers the question points at, best first, each with its candidate calls. A caller makes them one
 * by one and stops at the first that returns something (`readForQuestion` does; so does the mock model).
 */
export function planReaderCalls(question: ReaderQuestion, blocks: readonly ContextBlock[]): RetrieveArgs[] {
  const reading = readQuestion(question.question);
  const idf = idfOf(reading.terms, blocks);
  return rankSites(reading, blocks, idf).flatMap((ranked) => candidateCalls(ranked, reading, idf));
}

/**
 * Reads `blocks` for `question` and makes the calls a careful model would: on the markers the
 * question points at, best first, until one call returns something or the limit is reached.
 * Returns every call made, in order (none when no marker is pointed at).
 */
export async function readForQuestion(
  question: ReaderQuestion,
  blocks: readonly ContextBlock[],
  call: RetrieveCall,
  limits: ReaderLimits = DEFAULT_READER_LIMITS,
): Promise<ReaderCall[]> {
  const made: ReaderCall[] = [];
  for (const args of planReaderCalls(question, blocks).slice(0, limits.maxCalls)) {
    const answer = await call(args);
    made.push({ args, answer });
    if (answer.found) break;
  }
  return made;
}
