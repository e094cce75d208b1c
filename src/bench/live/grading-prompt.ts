/**
 * The rubric the same model grades count, causal and live-only answers with ("model-graded"): the
 * question, the reference answers and the candidate, one word back.
 */

/** The grader's system prompt; the mock model recognises a grading request by it. */
export const GRADER_SYSTEM =
  'You grade answers to questions about an agent session. You are given the question, the reference answer(s) ' +
  'and a candidate answer. The candidate is correct when it states the same fact as a reference answer: the same ' +
  'number for a count, the same cause for a why-question, in any words. Reply with one word: CORRECT or WRONG.';

/** The grader's user turn. */
export function gradingTurnText(question: string, references: readonly string[], candidate: string): string {
  return [
    `Question: ${question}`,
    `Reference answer(s): ${references.map((r) => JSON.stringify(r)).join(' | ')}`,
    `Candidate answer: ${candidate}`,
  ].join('\n');
}

/** Reads the parts of a grading turn back (the mock grader does), or null. */
export function readGradingTurn(text: string): { question: string; references: string[]; candidate: string } | null {
  const match = /^Question: (.*)\nReference answer\(s\): (.*)\nCandidate answer: ([\s\S]*)$/.exec(text);
  if (!match) return null;
  const references: string[] = [];
  for (const piece of (match[2] ?? '').split(' | ')) {
    try {
      const value: unknown = JSON.parse(piece);
      if (typeof value === 'string') references.push(value);
    } catch {
      // A reference holding " | " splits badly; the rest still grade.
    }
  }
  return { question: match[1] ?? '', references, candidate: match[3] ?? '' };
}

/** The grader's verdict in its reply: CORRECT, WRONG, or null when it said neither. */
export function verdictOf(reply: string): 'correct' | 'wrong' | null {
  const word = /\b(CORRECT|WRONG|INCORRECT)\b/i.exec(reply)?.[1]?.toUpperCase();
  if (word === undefined) return null;
  return word === 'CORRECT' ? 'correct' : 'wrong';
}
