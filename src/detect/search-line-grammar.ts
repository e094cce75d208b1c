/** What grep/ripgrep output lines look like: shared by the search detector and compressor. */
import { isSpaceCode } from './whitespace.ts';

/** One parsed search-output line. `path` is null for single-file `line:content` output. */
export interface SearchLine {
  readonly path: string | null;
  readonly line: number | null;
  /** True for a context line (`path-12-text`) rather than a match (`path:12:text`). */
  readonly context: boolean;
  readonly content: string;
}

// Linear-time shapes; whether the prefix is a path is checked apart (no nested quantifiers to backtrack).
const PATH_LINE = /^([^\s:]+):(\d+):(.*)$/;
const PATH_CONTEXT_LINE = /^([^\s:]+?)-(\d+)-(.*)$/;
const PATH_ONLY = /^([^\s:]+):(.*)$/;
const LINE_ONLY = /^(\d+)([:-])(.*)$/;
const PATH_CHARS = /^[\w.@+~/-]+$/;
const EXTENSION = /\.[A-Za-z]\w{0,9}$/;
const CLOCK = /^\d{1,2}:\d{2}:\d{2}/;
const DATE = /^\d{4}-\d{2}-\d{2}/;
const COLON = 0x3a;
const DASH = 0x2d;

/** Parses `path:12:text`, `path-12-text`, `path:text` or (with `bare`) `12:text`; null otherwise. */
export function parseSearchLine(text: string, bare: boolean): SearchLine | null {
  if (!mayBeSearchLine(text)) return null;
  const withLine = PATH_LINE.exec(text) ?? PATH_CONTEXT_LINE.exec(text);
  if (withLine !== null && isPath(withLine[1] as string)) {
    const context = withLine[0].charAt((withLine[1] as string).length) === '-';
    return { path: withLine[1] as string, line: Number(withLine[2]), context, content: withLine[3] as string };
  }
  const pathOnly = PATH_ONLY.exec(text);
  if (pathOnly !== null && isPath(pathOnly[1] as string))
    return { path: pathOnly[1] as string, line: null, context: false, content: pathOnly[2] as string };
  if (!bare || CLOCK.test(text) || DATE.test(text)) return null;
  const lineOnly = LINE_ONLY.exec(text);
  if (lineOnly === null) return null;
  return { path: null, line: Number(lineOnly[1]), context: lineOnly[2] === '-', content: lineOnly[3] as string };
}

/**
 * A cheap necessary condition for every shape above: the line opens with a run of characters that are
 * neither white space nor `:`, and that run ends at a `:` or holds a `-` after its first character.
 */
function mayBeSearchLine(text: string): boolean {
  let dash = false;
  let i = 0;
  for (; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === COLON || isSpaceCode(c)) break;
    if (c === DASH && i > 0) dash = true;
  }
  return i > 0 && (dash || text.charCodeAt(i) === COLON);
}

/** True for a file path as search tools print it: no spaces, and a slash or a file extension. */
export function isPath(text: string): boolean {
  return (
    text.length < 400 && PATH_CHARS.test(text) && (text.includes('/') || EXTENSION.test(text)) && /[A-Za-z]/.test(text)
  );
}

/** True for a `--heading` file line: a path standing alone on its line. */
export function isHeadingPath(text: string): boolean {
  return isPath(text);
}

/** True for grep's group separator between context blocks. */
export function isGroupSeparator(text: string): boolean {
  return text === '--';
}
