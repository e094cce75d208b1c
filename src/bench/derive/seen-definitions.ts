/**
 * Where a trajectory's outputs show a `def`/`class` line, and in which file: from grep hits that
 * carry their path, or from a listing of one file the command names (`nl -ba F`, `sed -n .. F`).
 */
import type { ToolOutput } from './tool-outputs.ts';

/** A definition the agent saw, with the file it is in. */
export interface SeenDefinition {
  readonly turn: number;
  readonly name: string;
  readonly keyword: 'def' | 'class';
  readonly file: string;
  /** The line number shown beside it, when the output showed one. */
  readonly line: number | null;
  /** True when the path is printed in the output itself (a grep hit), not only in the command. */
  readonly pathInOutput: boolean;
  /** The definition line from its keyword on, as printed. */
  readonly text: string;
}

const PATH = String.raw`(?:\.\/)?([\w@+-][\w.@+\/-]*\.[A-Za-z]\w*)`;
const HIT_DEFINITION = new RegExp(String.raw`^${PATH}:(?:(\d+):)?\s*(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)`);
// `nl -ba F | grep -n X` prints grep's number before nl's: only nl's is the file's line.
const LISTED_DEFINITION = /^(?:\d+[:-](?=\s*\d+\t))?\s*(?:(\d+)(?:\t|:))?\s*(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)/;
const FILE_IN_COMMAND = /(?:^|\s|')((?:\.\/)?[\w@+-][\w.@+/-]*\.py)(?=\s|$|'|")/g;

/** The one source file a listing command reads, or null (several files, a heredoc, a script run). */
export function listedFile(command: string): string | null {
  if (command.includes('<<') || command.includes('\n') || /(^|\s)(python3?|pytest|echo|cat\s*>)\s/.test(command))
    return null;
  // Shell listings, and SWE-agent's `open F [line]` window.
  if (!/^(nl|sed|cat|grep|head|tail|awk|open)\s/.test(command.trim())) return null;
  const files = new Set(Array.from(command.matchAll(FILE_IN_COMMAND), (m) => (m[1] ?? '').replace(/^\.\//, '')));
  return files.size === 1 ? ([...files][0] ?? null) : null;
}

/** Names worth asking about: not dunder, and long enough not to be defined all over a project (`Command`, `as_sql`). */
function askable(name: string): boolean {
  return name.length >= 8 && !name.startsWith('__');
}

/** The line from its `async`/`def`/`class` keyword on. */
function fromKeyword(line: string): string {
  return line.slice(line.search(/\b(?:async\s+)?(?:def|class)\s/)).trim();
}

/** Every definition line shown in the outputs (cut outputs excluded). */
export function seenDefinitions(outputs: readonly ToolOutput[]): SeenDefinition[] {
  const seen: SeenDefinition[] = [];
  for (const output of outputs) {
    if (output.elided) continue;
    const listed = listedFile(output.command);
    for (const line of output.lines) {
      const hit = HIT_DEFINITION.exec(line);
      if (hit !== null) {
        const [, file = '', lineNo, keyword, name = ''] = hit;
        if (askable(name))
          seen.push({
            turn: output.turn,
            name,
            keyword: keyword === 'class' ? 'class' : 'def',
            file,
            line: lineNo === undefined ? null : Number(lineNo),
            pathInOutput: true,
            text: fromKeyword(line),
          });
        continue;
      }
      const listedHit = listed === null ? null : LISTED_DEFINITION.exec(line);
      if (listedHit !== null && listed !== null) {
        const [, lineNo, keyword, name = ''] = listedHit;
        if (askable(name))
          seen.push({
            turn: output.turn,
            name,
            keyword: keyword === 'class' ? 'class' : 'def',
            file: listed,
            line: lineNo === undefined ? null : Number(lineNo),
            pathInOutput: false,
            text: fromKeyword(line),
          });
      }
    }
  }
  return seen;
}

/** Names defined in exactly one file across the whole trajectory, so "which file" has one answer. */
export function singleFileNames(definitions: readonly SeenDefinition[]): Set<string> {
  const files = new Map<string, Set<string>>();
  for (const d of definitions) files.set(d.name, (files.get(d.name) ?? new Set()).add(d.file));
  return new Set([...files].filter(([, set]) => set.size === 1).map(([name]) => name));
}
