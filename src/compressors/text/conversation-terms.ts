/** Identifiers the conversation mentions (paths, symbols, ids, hosts): lines holding them are worth keeping. */

const TERM = /[A-Za-z_$][\w$.:/-]*[\w$]|\d[\w.:/-]*[A-Za-z_][\w.:/-]*/g;
const MAX_TERMS = 200;
/** Characters of the conversation its terms are read from. */
const TERMS_HEAD = 200_000;
const COMMON = new Set([
  'the',
  'and',
  'for',
  'with',
  'this',
  'that',
  'from',
  'what',
  'which',
  'where',
  'when',
  'have',
  'there',
  'file',
  'line',
  'error',
  'errors',
  'code',
  'test',
  'tests',
]);

/** Distinctive terms of `conversation`: identifier-like (digits, dots, underscores, camelCase) or long words. */
export function conversationTerms(conversation: string): string[] {
  const terms = new Set<string>();
  for (const match of conversation.slice(0, TERMS_HEAD).matchAll(TERM)) {
    const term = match[0];
    const lower = term.toLowerCase();
    if (term.length < 4 || COMMON.has(lower)) continue;
    const distinctive = /[\d_.:/$]/.test(term) || /[a-z][A-Z]/.test(term) || term.length >= 9;
    if (distinctive) terms.add(term);
  }
  // The longest terms are the most specific; a cap keeps per-line matching cheap on huge blocks.
  return [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, MAX_TERMS);
}

let lastConversation: string | null = null;
let lastTest: (line: string) => boolean = () => false;

/** `mentionsAny(conversationTerms(conversation))`, remembered for the last conversation: every block of a request shares it. */
export function mentionsConversation(conversation: string): (line: string) => boolean {
  // Terms come from the first 200,000 characters: a conversation that only grew past them has the same terms.
  const head = conversation.length > TERMS_HEAD ? conversation.slice(0, TERMS_HEAD) : conversation;
  if (head !== lastConversation) {
    lastTest = mentionsAny(conversationTerms(head));
    lastConversation = head;
  }
  return lastTest;
}

/** A test for lines that mention any of `terms` (plain substring search, case-sensitive). */
export function mentionsAny(terms: readonly string[]): (line: string) => boolean {
  if (terms.length === 0) return () => false;
  const pattern = new RegExp(terms.map((term) => term.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'));
  return (line) => pattern.test(line);
}
