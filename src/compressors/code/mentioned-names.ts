/**
 * Identifiers the conversation mentions: a function or class with one of these names keeps its body.
 * A long agent session writes many plain words, so a word counts as a name only when written as one:
 * with an underscore, a digit or a capital (`_af_new`, `DataDocumenter`), or in code form (`run(`,
 * `.run`, `def run`, `` `run` ``, "the run method"); the latest turn (what asked for the block)
 * counts every word.
 * Dunders (`__init__`) name a method of every class: see `isMentionedDeclaration`.
 */

const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/g;
const MIN_NAME_LENGTH = 2;
const PLAIN_WORD = /^[a-z]+$/;
const DUNDER = /^__\w+__$/;
const DECLARING = /(?:^|\s)(?:def|class|function|fn|func)\s+$/;
// Prose that names a symbol as one: "the generate method", "method generate", "function `run`".
const KIND_AFTER = /^\s+(?:method|function|class|attribute|property|constructor)s?\b/;
const KIND_BEFORE = /\b(?:method|function|class|attribute|property)\s+$/;

// One conversation is shared by every block of a request, so the last answer is kept.
let lastConversation: string | null = null;
let lastLatest: string | null = null;
let lastNames: ReadonlySet<string> = new Set();

/** Whether the word at `start..end` of `text` is written as code: called, a member, declared or quoted. */
function inCodeForm(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  if (after === '(' || before === '.' || (before === '`' && after === '`')) return true;
  const preceding = text.slice(Math.max(0, start - 12), start);
  return DECLARING.test(preceding) || KIND_BEFORE.test(preceding) || KIND_AFTER.test(text.slice(end, end + 14));
}

function addNames(text: string, names: Set<string>, everyWord: boolean): void {
  for (const match of text.matchAll(IDENTIFIER)) {
    const name = match[0];
    if (name.length < MIN_NAME_LENGTH) continue;
    if (everyWord || !PLAIN_WORD.test(name) || inCodeForm(text, match.index, match.index + name.length))
      names.add(name);
  }
}

/**
 * The names `conversation` mentions; every word of `latest` (the turn that asked for the block, part
 * of the conversation) counts. Without `latest`, the whole conversation is taken as that turn.
 */
export function mentionedNames(conversation: string, latest: string = conversation): ReadonlySet<string> {
  if (conversation === lastConversation && latest === lastLatest) return lastNames;
  const names = new Set<string>();
  if (latest !== conversation) addNames(conversation, names, false);
  addNames(latest, names, true);
  lastConversation = conversation;
  lastLatest = latest;
  lastNames = names;
  return names;
}

/** The class a declaration sits in: named, or out of view (a slice that starts inside the class body), or none. */
export type Enclosing = { readonly name: string } | 'out-of-view' | null;

/**
 * Whether a declaration called `name` is mentioned; a dunder (`__init__`, every class has one) only
 * when the class it sits in is mentioned too, or is out of view (the agent sliced into the class).
 */
export function isMentionedDeclaration(name: string, enclosing: Enclosing, mentioned: ReadonlySet<string>): boolean {
  if (!mentioned.has(name)) return false;
  if (!DUNDER.test(name) || enclosing === 'out-of-view') return true;
  return enclosing !== null && mentioned.has(enclosing.name);
}
