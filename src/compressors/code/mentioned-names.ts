/** Identifiers the conversation mentions: a function or class with one of these names keeps its body. */

const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/g;
const MIN_NAME_LENGTH = 2;

// One conversation is shared by every block of a request, so the last answer is kept.
let lastConversation: string | null = null;
let lastNames: ReadonlySet<string> = new Set();

/** Every identifier-shaped word of `conversation` (`Foo.bar` gives Foo and bar). */
export function mentionedNames(conversation: string): ReadonlySet<string> {
  if (conversation === lastConversation) return lastNames;
  const names = new Set<string>();
  for (const match of conversation.matchAll(IDENTIFIER)) {
    if (match[0].length >= MIN_NAME_LENGTH) names.add(match[0]);
  }
  lastConversation = conversation;
  lastNames = names;
  return names;
}
