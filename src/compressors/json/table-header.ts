/**
 * The header line of a table in the columnar form:
 *
 *   # [table N (path): ]<counts>; [every row: key=<json>, ...; ]columns: name, name.nested, ["odd key"]
 *
 * `every row` (or `every kept row` in a sampled table) lists cells that are the same in every row
 * written, so that the rows below leave them out, and cells every row spells from another of its
 * columns (`url="https://…/issues/"+number`, optionally `+"suffix"`; see derived-columns.ts). A
 * column is a dotted key path, or a JSON array of keys when a key is not a plain word.
 */
import type { JsonValue } from '../../types.ts';
import type { ColumnPath } from './column-plan.ts';
import { jsonValueEnd } from './json-cells.ts';

/** A cell every row spells as `prefix + <its source cell> + suffix`. */
export interface DerivedCell {
  readonly path: ColumnPath;
  readonly prefix: string;
  readonly source: ColumnPath;
  readonly suffix: string;
}

/** A header as read back: which table (0: the root), the shared and derived cells, and the columns of the rows. */
export interface TableHeader {
  readonly table: number;
  readonly shared: readonly (readonly [ColumnPath, JsonValue])[];
  readonly derived: readonly DerivedCell[];
  readonly columns: readonly ColumnPath[];
}

const BARE_KEY = /^[A-Za-z0-9_$@-]+$/;
const HEADER = /^# (?:table (\d+) \([^;)]*\): )?[^;]*; (.*)$/;
const SHARED_OPENINGS = ['every row: ', 'every kept row: '];
const COLUMNS_OPENING = 'columns: ';

function formatColumn(path: ColumnPath): string {
  return path.every((key) => BARE_KEY.test(key)) ? path.join('.') : JSON.stringify(path);
}

function formatDerived(cell: DerivedCell): string {
  const suffix = cell.suffix === '' ? '' : `+${JSON.stringify(cell.suffix)}`;
  return `${formatColumn(cell.path)}=${JSON.stringify(cell.prefix)}+${formatColumn(cell.source)}${suffix}`;
}

/** Writes a header; `shared` holds each shared cell's column and its value already serialised. */
export function formatHeader(
  prefix: string,
  counts: string,
  sampled: boolean,
  shared: readonly (readonly [ColumnPath, string])[],
  columns: readonly ColumnPath[],
  derived: readonly DerivedCell[] = [],
): string {
  const cells = [...shared.map(([path, value]) => `${formatColumn(path)}=${value}`), ...derived.map(formatDerived)];
  const sharedPart = cells.length === 0 ? '' : `${sampled ? 'every kept row' : 'every row'}: ${cells.join(', ')}; `;
  return `# ${prefix}${counts}; ${sharedPart}${COLUMNS_OPENING}${columns.map(formatColumn).join(', ')}`;
}

/** Reads one column name at the start of `text`; returns it and the rest of the text. */
function readColumn(text: string, stop: RegExp): [ColumnPath, string] {
  if (text.startsWith('[')) {
    const end = jsonValueEnd(text, 0);
    const keys = JSON.parse(text.slice(0, end)) as JsonValue;
    if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string'))
      throw new SyntaxError(`bad column name in ${text}`);
    return [keys as string[], text.slice(end)];
  }
  const end = text.search(stop);
  const name = end < 0 ? text : text.slice(0, end);
  if (!BARE_KEY.test(name.replace(/\./g, ''))) throw new SyntaxError(`bad column name ${JSON.stringify(name)}`);
  return [name.split('.'), end < 0 ? '' : text.slice(end)];
}

/** Reads a header line, or null when the line is not one. Throws SyntaxError on a malformed header. */
export function parseHeader(line: string): TableHeader | null {
  const match = HEADER.exec(line);
  if (match === null) return null;
  let rest = match[2] ?? '';
  const shared: [ColumnPath, JsonValue][] = [];
  const derived: DerivedCell[] = [];
  const opening = SHARED_OPENINGS.find((candidate) => rest.startsWith(candidate));
  if (opening !== undefined) {
    rest = rest.slice(opening.length);
    for (;;) {
      const [path, afterName] = readColumn(rest, /=/);
      if (!afterName.startsWith('=')) throw new SyntaxError(`expected "=" after ${formatColumn(path)}`);
      const end = jsonValueEnd(afterName, 1);
      const value = JSON.parse(afterName.slice(1, end)) as JsonValue;
      rest = afterName.slice(end);
      if (rest.startsWith('+')) {
        if (typeof value !== 'string') throw new SyntaxError(`a derived cell must start with a string in ${line}`);
        const [source, afterSource] = readColumn(rest.slice(1), /[+,;]/);
        let suffix = '';
        rest = afterSource;
        if (rest.startsWith('+')) {
          const suffixEnd = jsonValueEnd(rest, 1);
          const parsed = JSON.parse(rest.slice(1, suffixEnd)) as JsonValue;
          if (typeof parsed !== 'string') throw new SyntaxError(`a derived cell must end with a string in ${line}`);
          suffix = parsed;
          rest = rest.slice(suffixEnd);
        }
        derived.push({ path, prefix: value, source, suffix });
      } else shared.push([path, value]);
      if (rest.startsWith('; ')) break;
      if (!rest.startsWith(', ')) throw new SyntaxError(`expected ", " or "; " in ${line}`);
      rest = rest.slice(2);
    }
    rest = rest.slice(2);
  }
  if (!rest.startsWith(COLUMNS_OPENING)) throw new SyntaxError(`expected "columns: " in ${line}`);
  rest = rest.slice(COLUMNS_OPENING.length);
  const columns: ColumnPath[] = [];
  while (rest.length > 0) {
    const [path, after] = readColumn(rest, /, /);
    columns.push(path);
    rest = after.startsWith(', ') ? after.slice(2) : after;
    if (after.length > 0 && !after.startsWith(', ')) throw new SyntaxError(`expected ", " in ${line}`);
  }
  return { table: match[1] === undefined ? 0 : Number(match[1]), shared, derived, columns };
}
