/** Chooses which lines of a text to keep under a token budget: BM25 against the conversation plus salience. */
import { bm25Scores, wordsOf } from './bm25.ts';
import { isHeading, lineSalience } from './line-salience.ts';

/** The kept/dropped decision for every line, and why lines were dropped. */
export interface Selection {
  readonly keep: readonly boolean[];
  readonly duplicates: number;
}

const FENCE = /^\s{0,3}(?:```|~~~)/;
const EXCEPTION_LINE = /^\w*(?:Error|Exception|Warning)(?::\s|$)/;
const BM25_WEIGHT = 3;
// About what a `(... lines 13-24 omitted)` line costs: a lone dropped line cheaper than that stays.
const GAP_COST = 8;

/** Keeps a dropped candidate that sits alone between kept lines when eliding it would cost more. */
function keepCheapGaps(lines: readonly string[], keep: boolean[], candidates: readonly number[]): void {
  const kept = (index: number): boolean => index < 0 || index >= lines.length || keep[index] === true || (lines[index] as string).trim().length === 0;
  for (const index of candidates) {
    if (!keep[index] && cost(lines[index] as string) <= GAP_COST && kept(index - 1) && kept(index + 1)) keep[index] = true;
  }
}

/** Approximate tokens of a line: selection only ranks, the ruler measures the result. */
function cost(line: string): number {
  return Math.ceil(line.length / 4) + 1;
}

/**
 * Keeps headings, fence lines, exception lines and the first line; drops exact repeats of earlier
 * lines; then fills `share` of the remaining lines' approximate tokens with the best lines per token.
 */
export function selectLines(lines: readonly string[], query: readonly string[], share: number): Selection {
  const keep = new Array<boolean>(lines.length).fill(false);
  const seen = new Set<string>();
  const candidates: number[] = [];
  let duplicates = 0;
  let forced = 0;
  let total = 0;
  let firstContent = true;
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.length === 0) return;
    // Fences and headings are structure: repeated ones are not redundant.
    const structure = firstContent || isHeading(line) || FENCE.test(line) || EXCEPTION_LINE.test(line);
    if (!structure && seen.has(trimmed)) { duplicates += 1; return; }
    seen.add(trimmed);
    total += cost(line);
    if (structure) {
      keep[index] = true;
      forced += cost(line);
      firstContent = false;
      return;
    }
    candidates.push(index);
  });
  // Structure is kept whatever it costs; the share applies to the lines competing for room.
  const budget = share * (total - forced);
  let spent = 0;
  // An empty query scores every line 0: the lines' words are not worth splitting out.
  const relevance = query.length === 0 ? [] : bm25Scores(candidates.map((index) => wordsOf(lines[index] as string)), query);
  const ranked = candidates.map((index, position) => {
    const line = lines[index] as string;
    const score = BM25_WEIGHT * (relevance[position] ?? 0) + lineSalience(line) + 0.5;
    return { index, value: score / Math.sqrt(cost(line)) };
  }).sort((a, b) => b.value - a.value || a.index - b.index);
  for (const { index } of ranked) {
    const price = cost(lines[index] as string);
    if (spent + price > budget) continue;
    keep[index] = true;
    spent += price;
  }
  keepCheapGaps(lines, keep, candidates);
  return { keep, duplicates };
}
