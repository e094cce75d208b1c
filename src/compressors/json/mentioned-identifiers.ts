/** Identifiers (ids, hashes, paths, host and user names) that appear in text, for matching rows the conversation talks about. */

// A run of word characters joined by the punctuation ids are made of; edges are word characters.
const CANDIDATE = /[A-Za-z0-9_][A-Za-z0-9_./:#@-]*[A-Za-z0-9_]/g;
const MIN_LENGTH = 4;
// Plain words ("payment", "service") are too common to single a row out; ids carry digits or joiners.
const ID_LIKE = /[0-9_./:#@-]|[a-z][A-Z]/;

function addIdentifier(token: string, into: Set<string>): void {
  if (token.length >= MIN_LENGTH && ID_LIKE.test(token)) into.add(token);
}

/** The identifier-like tokens of `text`, each also split at "/", ":", "#" and "@" (a path's file name, a host). */
export function identifiersIn(text: string, into: Set<string> = new Set()): Set<string> {
  for (const match of text.matchAll(CANDIDATE)) {
    const token = match[0];
    addIdentifier(token, into);
    if (/[/:#@]/.test(token)) for (const part of token.split(/[/:#@]+/)) addIdentifier(part.replace(/^\.+|\.+$/g, ''), into);
  }
  return into;
}

let lastConversation: string | null = null;
let lastIdentifiers: ReadonlySet<string> = new Set();

/** `identifiersIn(conversation)`, remembered for the last conversation: every block of a request shares it. */
export function conversationIdentifiers(conversation: string): ReadonlySet<string> {
  if (conversation !== lastConversation) {
    lastIdentifiers = identifiersIn(conversation);
    lastConversation = conversation;
  }
  return lastIdentifiers;
}
