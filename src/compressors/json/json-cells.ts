/** Reads a row of the columnar form: JSON values separated by commas, an empty cell meaning "no such key". */
import type { JsonValue } from '../../types.ts';

/** Index just past the JSON value that starts at `start` (the text is compact, as JSON.stringify writes it). */
export function jsonValueEnd(line: string, start: number): number {
  let depth = 0;
  let i = start;
  const first = line[start];
  if (first !== '"' && first !== '{' && first !== '[') {
    // A number, true, false or null: it ends where its characters do.
    while (i < line.length && /[\w.+-]/.test(line[i] as string)) i += 1;
    return i;
  }
  while (i < line.length) {
    const ch = line[i];
    if (ch === '"') {
      i += 1;
      while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
      i += 1;
      if (depth === 0) return i;
      continue;
    }
    if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    } else if (ch === ',' && depth === 0) return i;
    i += 1;
  }
  return i;
}

// A string literal (kept as it is) or an alias outside of one (replaced by its value).
const LITERAL_OR_ALIAS = /"(?:[^"\\]|\\.)*"|\$\d+/g;

/** A nested cell written with aliases inside, back to plain JSON text. Throws SyntaxError on an undefined alias. */
function expandAliases(cell: string, aliases: ReadonlyMap<string, JsonValue>): string {
  if (!cell.includes('$')) return cell;
  return cell.replace(LITERAL_OR_ALIAS, (token) => {
    if (!token.startsWith('$')) return token;
    const value = aliases.get(token);
    if (value === undefined) throw new SyntaxError(`undefined alias ${token}`);
    return JSON.stringify(value);
  });
}

/**
 * The cells of one row; undefined marks an absent key, and `$N` (a whole cell, or inside a nested one)
 * a value from the table's aliases (see `value-aliases.ts`). Throws SyntaxError on a malformed cell
 * or an alias the table does not define.
 */
export function parseCells(
  line: string,
  aliases: ReadonlyMap<string, JsonValue> = new Map(),
): (JsonValue | undefined)[] {
  const cells: (JsonValue | undefined)[] = [];
  let i = 0;
  for (;;) {
    if (i >= line.length || line[i] === ',') {
      cells.push(undefined);
    } else if (line[i] === '$') {
      const end = line.indexOf(',', i);
      const alias = line.slice(i, end < 0 ? line.length : end);
      const value = aliases.get(alias);
      if (value === undefined) throw new SyntaxError(`undefined alias ${alias}`);
      // A copy per row: rows that share an alias must not share one mutable object.
      cells.push(structuredClone(value));
      i += alias.length;
    } else {
      const end = jsonValueEnd(line, i);
      const text = line.slice(i, end);
      cells.push(JSON.parse(line[i] === '[' || line[i] === '{' ? expandAliases(text, aliases) : text) as JsonValue);
      i = end;
      if (i < line.length && line[i] !== ',') throw new SyntaxError(`expected "," at column ${i + 1}`);
    }
    if (i >= line.length) return cells;
    i += 1;
  }
}

/** Writes one row from its cells already serialised; an absent cell is written as nothing. */
export function formatCells(cells: readonly (string | undefined)[]): string {
  return cells.map((cell) => cell ?? '').join(',');
}
