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

/** Packs the four ASCII characters at `at` into one number, or -1 when one of them is not ASCII. */
function gramAt(text: string, at: number): number {
  const a = text.charCodeAt(at), b = text.charCodeAt(at + 1), c = text.charCodeAt(at + 2), d = text.charCodeAt(at + 3);
  if ((a | b | c | d) > 0x7f) return -1;
  return a | (b << 7) | (c << 14) | (d << 21);
}

const probes = new WeakMap<ReadonlySet<string>, (text: string) => boolean>();

/**
 * A quick test that `text` might hold one of `mentioned` (identifiers of at least four ASCII
 * characters, as `identifiersIn` finds them): false only when no mentioned identifier's first four
 * characters occur in it, so `identifiersIn(text)` could not meet one. It spares tokenizing every
 * value of a long array for the few that can match.
 */
export function mentionProbe(mentioned: ReadonlySet<string>): (text: string) => boolean {
  let probe = probes.get(mentioned);
  if (probe !== undefined) return probe;
  const starts = new Set<number>();
  let anyOther = false;
  for (const identifier of mentioned) {
    const gram = identifier.length >= MIN_LENGTH ? gramAt(identifier, 0) : -1;
    if (gram === -1) anyOther = true;
    else starts.add(gram);
  }
  probe = anyOther
    ? () => true
    : (text) => {
        for (let at = 0; at + MIN_LENGTH <= text.length; at++) if (starts.has(gramAt(text, at))) return true;
        return false;
      };
  probes.set(mentioned, probe);
  return probe;
}
