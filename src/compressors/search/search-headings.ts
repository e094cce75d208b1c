/**
 * The lossless form of flat `path:12:text` output: ripgrep's `--heading` layout, the path written once
 * per run of lines. Reversible: each line under a heading `p` was `p` + its separator + the line
 * (`:` before `12:text`, `-` before `12-text`); `--` lines stand as they were; blank lines part runs.
 */
import { isGroupSeparator } from '../../detect/search-line-grammar.ts';
import { searchLines, type SearchLines } from './search-lines.ts';

/**
 * The heading form of `text`, or null when some line is not `path:N:text`, `path-N-text` or `--`.
 * `source` holds the lines of `text` (parsed bare too: a hit without a path refuses the form either way).
 */
export function toHeadings(text: string, source: SearchLines = searchLines(text)): string | null {
  const trailing = text.endsWith('\n');
  // A trailing newline leaves one empty last line: it is the newline written back at the end.
  const count = source.lines.length - (trailing ? 1 : 0);
  const out: string[] = [];
  let current: string | null = null;
  for (let index = 0; index < count; index += 1) {
    const line = source.lines[index] as string;
    if (isGroupSeparator(line)) {
      if (current === null) return null;
      out.push(line);
      continue;
    }
    const parsed = source.parsed(index);
    if (parsed === null || parsed.path === null || parsed.line === null) return null;
    if (parsed.path !== current) {
      if (current !== null) out.push('');
      out.push(parsed.path);
      current = parsed.path;
    }
    out.push(line.slice(parsed.path.length + 1));
  }
  return out.join('\n') + (trailing ? '\n' : '');
}

/** The flat output `toHeadings` was made from. */
export function fromHeadings(text: string): string {
  const trailing = text.endsWith('\n');
  const out: string[] = [];
  let path: string | null = null;
  for (const line of (trailing ? text.slice(0, -1) : text).split('\n')) {
    if (line.length === 0) {
      path = null;
      continue;
    }
    if (path === null) {
      path = line;
      continue;
    }
    if (isGroupSeparator(line)) {
      out.push(line);
      continue;
    }
    const separator = /^\d+-/.test(line) && !/^\d+:/.test(line) ? '-' : ':';
    out.push(`${path}${separator}${line}`);
  }
  return out.join('\n') + (trailing ? '\n' : '');
}
