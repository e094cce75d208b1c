/**
 * Which names of a listing the conversation mentions: a file or directory written as a path or a file
 * name (`sympy/core/symbol.py`, `conf.py`, `tests/roots`), or a file whose stem is an identifier the
 * conversation writes as code (`sympy.Symbol(`, `` `toctree` ``, `_print_Symbol`, `DataDocumenter`).
 * Case is ignored: `Symbol` lives in `symbol.py`. A plain word is no mention, even capitalised at the
 * start of a sentence (`Tests`), nor in the latest turn (`listing the files to get an idea of the
 * directory structure`): the names of a repository are ordinary words.
 */
import type { CompressContext } from '../compressor.ts';

// Paths and file names as prose writes them: `a/b/c.py`, `./tests/`, `setup.cfg`, `README.rst`.
const PATH_OR_FILE = /[\w.@+~-]*[/.][\w.@+~/-]*\w/g;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;
// Written as code by its own spelling: an underscore, a digit, or a capital inside (`camelCase`, `DataDocumenter`).
const CODE_SPELLING = /[_\d]|[a-z][A-Z]/;
/** Stems shorter than this (`a.py`, `io`) match too much prose to count. */
const MIN_STEM_LENGTH = 3;
/** Characters of the conversation read (its head: a conversation that only grew past them reads the same). */
const CONVERSATION_HEAD = 200_000;

/** What the conversation mentions, lower-cased: names written as paths or files, and identifiers. */
export interface ListingMentions {
  /** True when `name` (a listed file or directory name, without an `ls -F` mark) is mentioned. */
  has(name: string): boolean;
}

/** Whether the word at `start..end` of `text` is written as code: called, a member, or quoted. */
function inCodeForm(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return after === '(' || before === '.' || (before === '`' && after === '`');
}

let lastConversation: string | null = null;
let lastLatest: string | undefined;
let lastMentions: ListingMentions | null = null;

function readMentions(conversation: string, latest: string | undefined): ListingMentions {
  const written = new Set<string>();
  const identifiers = new Set<string>();
  // The latest turn is read whole, however long the conversation before it.
  for (const text of [conversation.slice(0, CONVERSATION_HEAD), latest ?? '']) {
    for (const match of text.matchAll(PATH_OR_FILE)) {
      for (const segment of match[0].split('/'))
        if (segment !== '' && segment !== '.') written.add(segment.toLowerCase());
    }
    for (const match of text.matchAll(IDENTIFIER)) {
      const name = match[0];
      if (CODE_SPELLING.test(name) || inCodeForm(text, match.index, match.index + name.length))
        identifiers.add(name.toLowerCase());
    }
  }
  return {
    has(name: string): boolean {
      const lower = name.toLowerCase();
      if (written.has(lower)) return true;
      const dot = lower.lastIndexOf('.');
      const stem = dot > 0 ? lower.slice(0, dot) : lower;
      return stem.length >= MIN_STEM_LENGTH && identifiers.has(stem);
    },
  };
}

/** The listing mentions of the context's conversation, remembered for the last one: every block of a request shares it. */
export function listingMentions(context: CompressContext): ListingMentions {
  if (lastMentions === null || context.conversation !== lastConversation || context.latest !== lastLatest) {
    lastMentions = readMentions(context.conversation, context.latest);
    lastConversation = context.conversation;
    lastLatest = context.latest;
  }
  return lastMentions;
}
