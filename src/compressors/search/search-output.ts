/** Reads grep/ripgrep output (flat `path:line:text`, `path:text`, `--heading` groups, bare `line:text`). */
import { isGroupSeparator, isHeadingPath } from '../../detect/search-line-grammar.ts';
import { searchLines, type SearchLines } from './search-lines.ts';

/** One output line that belongs to a file: a match, or a context line around one. */
export interface SearchHit {
  readonly line: number | null;
  readonly context: boolean;
  readonly content: string;
}

/** A file's hits in output order; `path` is null for single-file output without paths. */
export interface SearchFile {
  readonly path: string | null;
  readonly hits: SearchHit[];
}

/** Parsed output: files in order of first appearance, and lines that are no hit (tool notes). */
export interface SearchOutput {
  readonly files: SearchFile[];
  readonly notes: string[];
  /** Lines that parsed as hits or separators: the rest are notes. */
  readonly hitLines: number;
}

/** Parses every line once; what fits no search shape is kept as a note. */
export function parseSearchOutput(text: string, source: SearchLines = searchLines(text)): SearchOutput {
  const { lines } = source;
  const files: SearchFile[] = [];
  const byPath = new Map<string, SearchFile>();
  const notes: string[] = [];
  let heading: SearchFile | null = null;
  let hitLines = 0;
  const fileFor = (path: string | null): SearchFile => {
    const key = path ?? '';
    let file = byPath.get(key);
    if (file === undefined) {
      file = { path, hits: [] };
      byPath.set(key, file);
      files.push(file);
    }
    return file;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.length === 0) {
      heading = null;
      continue;
    }
    if (isGroupSeparator(line)) {
      hitLines += 1;
      continue;
    }
    if (heading !== null) {
      const bare = source.parsed(i);
      if (bare !== null && bare.path === null) {
        heading.hits.push({ line: bare.line, context: bare.context, content: bare.content });
        hitLines += 1;
        continue;
      }
    }
    const next = lines[i + 1];
    if (isHeadingPath(line) && next !== undefined && source.parsed(i + 1)?.path === null) {
      heading = fileFor(line);
      hitLines += 1;
      continue;
    }
    const parsed = source.parsed(i);
    if (parsed === null) {
      notes.push(line);
      continue;
    }
    fileFor(parsed.path).hits.push({ line: parsed.line, context: parsed.context, content: parsed.content });
    hitLines += 1;
  }
  return { files, notes, hitLines };
}
