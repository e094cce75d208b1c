/**
 * The keep/drop labels the text model learns, derived by terse itself (docs/text-model.md):
 * - a NaturalQuestions passage's words that answer its question, or that its question asks with;
 * - a prose block's words on the lines terse's extractive text compressor keeps at the aggressive
 *   share (a distillation of its decisions).
 */
import { selectLines } from '../../src/compressors/text/text-selection.ts';
import { isFunctionWord } from '../../src/compressors/text-model/conversation-mentions.ts';
import { wordCore } from '../../src/compressors/text-model/must-keep.ts';
import type { WordLayout } from '../../src/compressors/text-model/word-units.ts';
import type { NqPassage } from './nq-contexts.ts';

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Where `answer` occurs in `text` as a whole run of words (case-sensitive first, then not). */
function answerSpans(text: string, answer: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const haystack of [text, text.toLowerCase()]) {
    const needle = haystack === text ? answer : answer.toLowerCase();
    if (needle.trim() === '') return spans;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
      const before = haystack[at - 1];
      const after = haystack[at + needle.length];
      if ((before !== undefined && WORD_CHARACTER.test(before)) || (after !== undefined && WORD_CHARACTER.test(after)))
        continue;
      spans.push([at, at + needle.length]);
    }
    if (spans.length > 0) return spans;
  }
  return spans;
}

/** Labels for a context whose line i holds `passages[i]`: answer words and the question's content words are kept. */
export function answerWordLabels(layout: WordLayout, passages: readonly NqPassage[]): number[] {
  const spans = passages.map((passage, line) => {
    const start = layout.lineStarts[line] as number;
    const end = line + 1 < layout.lineStarts.length ? (layout.lineStarts[line + 1] as number) : layout.text.length;
    const lineText = layout.text.slice(start, end);
    return passage.answers.flatMap((answer) =>
      answerSpans(lineText, answer).map(([from, to]) => [from + start, to + start] as [number, number]),
    );
  });
  const asked = passages.map(
    (passage) =>
      new Set(
        passage.question
          .split(/\s+/)
          .map(wordCore)
          .filter((core) => core.length >= 3 && !isFunctionWord(core)),
      ),
  );
  return layout.words.map((word) => {
    const answered = (spans[word.line] ?? []).some(([from, to]) => word.start < to && word.end > from);
    return answered || asked[word.line]?.has(wordCore(word.text)) ? 1 : 0;
  });
}

/** Labels from the extractive text compressor: a word is kept when its line is, at `share` with no query. */
export function extractiveWordLabels(layout: WordLayout, share: number): number[] {
  const lines = layout.text.split('\n');
  const { keep } = selectLines(lines, [], share);
  return layout.words.map((word) => (keep[word.line] === true ? 1 : 0));
}
