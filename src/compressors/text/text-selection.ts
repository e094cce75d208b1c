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
// A line a tool printed at error level (`npm error code ENOTCACHED`, `2015-10-18 18:06:01 ERROR ...`,
// `fatal: not a git repository`): the words after at most two leading fields name the level.
const ERROR_LEVEL_LINE = /^\s*(?:[\w.:,@/[\]-]+\s+){0,2}(?:error|err!|fatal|panic|critical)(?::|\s|$)/i;
const BM25_WEIGHT = 3;
// About what a `(... lines 13-24 omitted)` line costs: a lone dropped line cheaper than that stays.
const GAP_COST = 8;

/** Keeps a dropped candidate that sits alone between kept lines when eliding it would cost more. */
function keepCheapGaps(lines: readonly string[], keep: boolean[], candidates: readonly number[]): void {
  const kept = (index: number): boolean =>
    index < 0 || index >= lines.length || keep[index] === true || (lines[index] as string).trim().length === 0;
  for (const index of candidates) {
    if (!keep[index] && cost(lines[index] as string) <= GAP_COST && kept(index - 1) && kept(index + 1))
      keep[index] = true;
  }
}

/** Approximate tokens of a line: selection only ranks, the ruler measures the result. */
function cost(line: string): number {
  return Math.ceil(line.length / 4) + 1;
}

const CARET_LINE = /^\s*\^[\^~]*\s*$/;
const STACK_FRAME = /^\s+(?:at\s|File\s")/;
const BLOCK_OPENER = /(?::|\|-?|>-?)\s*$/;
// Lines of an error's own block (a YAML `error: |-`, an assertion diff) kept whole, at most.
const ERROR_BLOCK_LINES = 16;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Lines an error makes essential by where they stand: the source line and location a caret points
 * at (`file.js:33521`, the code, then `   ^`), the first stack frame under an exception (where it was
 * thrown), and the indented block an error-level line opens (`error: |-` and the assertion diff under it).
 */
function errorContext(lines: readonly string[]): Set<number> {
  const forced = new Set<number>();
  const nonBlankBefore = (index: number, count: number): void => {
    for (let i = index - 1, left = count; i >= 0 && left > 0; i--) {
      if ((lines[i] as string).trim() === '') continue;
      forced.add(i);
      left--;
    }
  };
  lines.forEach((line, index) => {
    if (CARET_LINE.test(line)) {
      forced.add(index);
      nonBlankBefore(index, 2);
    } else if (EXCEPTION_LINE.test(line.trim())) {
      const next = lines.findIndex((l, i) => i > index && l.trim() !== '');
      if (next !== -1 && STACK_FRAME.test(lines[next] as string)) forced.add(next);
    } else if (ERROR_LEVEL_LINE.test(line) && BLOCK_OPENER.test(line)) {
      const indent = indentOf(line);
      for (let i = index + 1, taken = 0; i < lines.length && taken < ERROR_BLOCK_LINES; i++) {
        const inner = lines[i] as string;
        if (inner.trim() === '') continue;
        if (indentOf(inner) <= indent) break;
        forced.add(i);
        taken++;
      }
    }
  });
  return forced;
}

/**
 * Keeps headings, fence lines, exception lines, error-level lines and what an error makes essential
 * around it (`errorContext`), and the first line; drops exact
 * repeats of earlier lines (structure aside); then fills `share` of the remaining lines' approximate
 * tokens with the best lines per token.
 */
export function selectLines(lines: readonly string[], query: readonly string[], share: number): Selection {
  const keep = new Array<boolean>(lines.length).fill(false);
  const seen = new Set<string>();
  const candidates: number[] = [];
  let duplicates = 0;
  let forced = 0;
  let total = 0;
  let firstContent = true;
  const essential = errorContext(lines);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.length === 0) return;
    // Fences and headings are structure: repeated ones are not redundant.
    const structure = firstContent || isHeading(line) || FENCE.test(line) || EXCEPTION_LINE.test(line);
    if (!structure && seen.has(trimmed)) {
      duplicates += 1;
      return;
    }
    seen.add(trimmed);
    total += cost(line);
    if (structure || ERROR_LEVEL_LINE.test(line) || essential.has(index)) {
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
  const relevance =
    query.length === 0
      ? []
      : bm25Scores(
          candidates.map((index) => wordsOf(lines[index] as string)),
          query,
        );
  const ranked = candidates
    .map((index, position) => {
      const line = lines[index] as string;
      const score = BM25_WEIGHT * (relevance[position] ?? 0) + lineSalience(line) + 0.5;
      return { index, value: score / Math.sqrt(cost(line)) };
    })
    .sort((a, b) => b.value - a.value || a.index - b.index);
  for (const { index } of ranked) {
    const price = cost(lines[index] as string);
    if (spent + price > budget) continue;
    keep[index] = true;
    spent += price;
  }
  keepCheapGaps(lines, keep, candidates);
  return { keep, duplicates };
}
