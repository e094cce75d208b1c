/**
 * Words the text model may never drop, whatever it scores them: numbers and the words on either side
 * of one (what it counts: `added 5 packages`, `Files: 84`), paths and URLs, identifiers and quoted
 * literals, error and negation words, pure punctuation (it is the text's layout), the words of
 * markdown headings, and whatever the conversation mentions.
 */
import type { WordLayout } from './word-units.ts';

// A digit anywhere: counts, versions, dates, line numbers, ids, hashes.
const NUMBER = /\d/;
// Paths, URLs, dotted names and file names: `src/a.ts`, `C:\x`, `os.path`, `setup.cfg`, `http://`.
const PATH = /[\w.-][/\\][\w.-]|\w\.\w|:\/\//;
// Identifiers: snake_case, camelCase, `a::b`, calls, flags, `$VAR`, `@user`, `#123`, backticks, assignments, markup.
const IDENTIFIER = /\w_\w|_\w|[a-z][A-Z]|[A-Z]{2,}[a-z]|::|\w\(|^--?\w|[$@#`=<>{}[\]|]/;
const ERROR_WORD =
  /error|exception|warn|fail|fatal|panic|traceback|crash|abort|denied|refused|timeout|timed|invalid|missing|unable|cannot|broken|bug|wrong|expected|actual|deprecat|undefined|null|none/i;
// Dropping one of these turns a statement into its opposite.
const NEGATION = /^(?:not|no|never|nor|neither|nothing|without|unless|except|only|\w+n't)$/i;
// A literal in quotes: `'c'`, `"utf-8",`, `` `x` ``.
const QUOTED = /^[(\[]?(['"`]).+\1[)\],.;:]*$/;
const HEADING_LINE = /^\s{0,3}#{1,6}\s/;
// Letters and digits of any script: a word without one is punctuation.
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** The lower-cased letters-and-digits core of a word (`"Error:"` -> `error`). */
export function wordCore(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** True when the word itself must stay, whatever its context. */
export function isMustKeepWord(word: string): boolean {
  if (!WORD_CHARACTER.test(word)) return true;
  const core = wordCore(word);
  return (
    NUMBER.test(word) ||
    PATH.test(word) ||
    IDENTIFIER.test(word) ||
    QUOTED.test(word) ||
    ERROR_WORD.test(word) ||
    NEGATION.test(core)
  );
}

/** For every word of the layout: whether it must stay (itself, on a heading line, or mentioned). */
export function mustKeepWords(layout: WordLayout, mentioned: ReadonlySet<string>): boolean[] {
  const headingLines = new Set<number>();
  layout.lineStarts.forEach((start, line) => {
    if (HEADING_LINE.test(layout.text.slice(start, start + 12))) headingLines.add(line);
  });
  const { words } = layout;
  const counted = (index: number): boolean => {
    const neighbour = words[index];
    return neighbour !== undefined && NUMBER.test(neighbour.text);
  };
  return words.map(
    (word, index) =>
      isMustKeepWord(word.text) ||
      headingLines.has(word.line) ||
      mentioned.has(wordCore(word.text)) ||
      (counted(index - 1) && words[index - 1]?.line === word.line) ||
      (counted(index + 1) && words[index + 1]?.line === word.line),
  );
}
