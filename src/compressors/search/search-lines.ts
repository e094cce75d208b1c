/** A search output's lines, each parsed at most once: the output reader and the heading form read the same lines. */
import { parseSearchLine, type SearchLine } from '../../detect/search-line-grammar.ts';

/** The lines of `text.split('\n')` and their parses as hits, bare `12:text` lines included. */
export interface SearchLines {
  readonly lines: readonly string[];
  /** `parseSearchLine(lines[index], true)`, worked out on first request. */
  parsed(index: number): SearchLine | null;
}

/** Splits `text` into lines that parse on demand. */
export function searchLines(text: string): SearchLines {
  const lines = text.split('\n');
  const parses: (SearchLine | null | undefined)[] = new Array(lines.length);
  return {
    lines,
    parsed: (index) => {
      let found = parses[index];
      if (found === undefined) parses[index] = found = parseSearchLine(lines[index] as string, true);
      return found;
    },
  };
}
