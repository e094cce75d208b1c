/**
 * The words the live bench adds to a request: the question turn a probe is asked in, and the reply
 * that declines. The same text for every config, so a pair differs only in what compression did.
 */

/** The line that opens the question turn; the mock model finds the question by it. */
export const QUESTION_HEADING = 'Question about the session above (answer from its context):';

/** What the model is asked to reply when the context does not hold the answer. */
export const DECLINE_REPLY = 'UNKNOWN';

/** The text of the user turn that asks `question`. */
export function questionTurnText(question: string): string {
  return [
    QUESTION_HEADING,
    question,
    '',
    'Where a [[terse:REF ...]] marker hides what you need, call terse_retrieve with its ref first.',
    'Reply with the answer alone, written exactly as the context shows it (a path, a number, a line).',
    `If the context does not hold the answer, or the thing asked about does not occur in it, reply ${DECLINE_REPLY}.`,
  ].join('\n');
}

/** The question a question turn asks, or null when `text` is not one. */
export function questionOfTurn(text: string): string | null {
  const at = text.indexOf(QUESTION_HEADING);
  if (at === -1) return null;
  const rest = text.slice(at + QUESTION_HEADING.length).replace(/^\n/, '');
  const end = rest.indexOf('\n\n');
  return (end === -1 ? rest : rest.slice(0, end)).trim();
}

/** True when a reply declines: empty, or the decline word standing alone. */
export function isDeclined(reply: string): boolean {
  const bare = reply.trim().replace(/^["'`*]+|["'`*.!]+$/g, '');
  return bare === '' || new RegExp(`(^|[^A-Za-z])${DECLINE_REPLY}([^A-Za-z]|$)`).test(bare);
}
