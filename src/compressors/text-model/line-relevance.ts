/**
 * How much each line of a text answers what the conversation is asking now: BM25 of the line's words
 * against the content words of the conversation's end, scaled so the best line scores 1. The text
 * model knows salience, not the question; this is the question's part of a word's score.
 */
import { bm25Scores, wordsOf } from '../text/bm25.ts';
import { isFunctionWord, RECENT_CONVERSATION_CHARS } from './conversation-mentions.ts';
import type { WordLayout } from './word-units.ts';

/** For every line of the layout, its relevance in [0, 1]; all zeros when the conversation asks nothing. */
export function lineRelevance(layout: WordLayout, conversation: string): number[] {
  const query = wordsOf(conversation.slice(-RECENT_CONVERSATION_CHARS)).filter((word) => !isFunctionWord(word));
  const lines = layout.lineStarts.map((start, line) =>
    wordsOf(layout.text.slice(start, layout.lineStarts[line + 1] ?? layout.text.length)),
  );
  const scores = bm25Scores(lines, query);
  const best = Math.max(0, ...scores);
  return best === 0 ? scores.map(() => 0) : scores.map((score) => score / best);
}
