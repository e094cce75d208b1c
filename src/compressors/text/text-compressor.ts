/**
 * The text compressor: extractive. Lines are ranked by BM25 against the conversation plus salience
 * (numbers, identifiers, code, headings, error words); exact repeats go first; the best lines fill a
 * budget (balanced 55% of the competing lines, aggressive 30%). Kept lines stay in order and byte-exact, each
 * elided run leaves a `(... lines 13-24 omitted)` line (1-based positions, as `terse_retrieve` reads `lines`), and one
 * marker at the end holds the whole input.
 * Lossless returns null: dropping repeats is not reversible from the text alone.
 */
import {
  inputSize,
  lossyProfileFor,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { closedByMarker, dropInput } from '../lossy-result.ts';
import type { Profile } from '../../types.ts';
import { wordsOf } from './bm25.ts';
import { selectLines } from './text-selection.ts';
import { holdsAtLeast, savesAtLeast } from '../../tokenize/token-size.ts';

const KEEP_SHARE: Record<Exclude<Profile, 'lossless'>, number> = { balanced: 0.55, aggressive: 0.3 };
const MIN_TOKENS = 120;
// A lossy cut must pay for its marker and for the retrieval a reader may need: a smaller saving is not worth a line.
const MIN_SAVED_TOKENS = 50;
// Past this many lines, the tail beyond it is dropped whole: ranking a million lines helps nobody.
const MAX_LINES = 50_000;

/** The line standing for an elided run: `(... lines 13-24 omitted)`, 1-based as `terse_retrieve` `lines` reads them. */
function gapLine(first: number, last: number): string {
  return first === last ? `(... line ${first} omitted)` : `(... lines ${first}-${last} omitted)`;
}

function render(lines: readonly string[], keep: readonly boolean[]): { lines: string[]; omitted: number } {
  const out: string[] = [];
  let gap = 0;
  let gapFirst = 0;
  let gapLast = 0;
  let omitted = 0;
  let blank = false;
  const flushGap = (): void => {
    if (gap > 0) out.push(gapLine(gapFirst + 1, gapLast + 1));
    gap = 0;
  };
  lines.forEach((line, index) => {
    if (line.trim().length === 0) {
      blank = true;
      return;
    }
    if (!keep[index]) {
      if (gap === 0) gapFirst = index;
      gapLast = index;
      gap += 1;
      omitted += 1;
      return;
    }
    flushGap();
    if (blank && out.length > 0 && out[out.length - 1] !== '') out.push('');
    blank = false;
    out.push(line);
  });
  flushGap();
  return { lines: out, omitted };
}

let lastConversation: string | null = null;
let lastWords: string[] = [];

/** The query words of a conversation, remembered for the last one: every block of a request shares it. */
function conversationWords(conversation: string): readonly string[] {
  if (conversation !== lastConversation) {
    lastWords = wordsOf(conversation.slice(0, 100_000));
    lastConversation = conversation;
  }
  return lastWords;
}

function compressText(input: CompressInput, context: CompressContext): CompressResult | null {
  const profile = lossyProfileFor(input, context);
  if (profile === null) return null;
  // Cheap estimate first: the ruler only measures texts that may be worth it.
  if (input.text.length < MIN_TOKENS * 3) return null;
  const all = input.text.split('\n');
  const lines = all.slice(0, MAX_LINES);
  const dropped = all.length - lines.length;
  const selection = selectLines(lines, conversationWords(context.conversation), KEEP_SHARE[profile]);
  const rendered = render(lines, selection.keep);
  const omitted = rendered.omitted + dropped;
  if (omitted === 0) return null;
  const size = inputSize(input, context.ruler);
  if (!holdsAtLeast(size, MIN_TOKENS + 1)) return null;
  const drop = dropInput(input.text);
  const repeats = selection.duplicates > 0 ? ` (${selection.duplicates} repeats)` : '';
  const marker = drop.marker(`${omitted} of ${all.length} lines omitted${repeats}; the ref holds the full text`);
  const tail = dropped > 0 ? [gapLine(lines.length + 1, all.length)] : [];
  const text = closedByMarker([...rendered.lines, ...tail], marker, input.text);
  if (!savesAtLeast(text, size, context.ruler, MIN_SAVED_TOKENS)) return null;
  return drop.result(text);
}

/**
 * Keeps the lines of prose that matter most to the conversation, in order, under a budget. Also listed
 * for `code`, after the compressors that read code: there the engine takes its output only when it
 * parses no worse than the input (a fragment already broken, prose read as code).
 */
export const textCompressor: Compressor = {
  name: 'text',
  kinds: ['text', 'code'],
  compress: compressText,
};
