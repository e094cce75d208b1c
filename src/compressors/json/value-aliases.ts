/**
 * Lossless dictionary encoding of a table's cells: a cell value that repeats often enough to pay off
 * is written once on a line under the table header and referred to by a short alias in the rows.
 *
 *   # values: $1="payment-service", $2=["import { useForm } from 'react-hook-form';",""]
 *   "2025-03-11T08:00:32Z","ERROR",$1,"Deadlock on orders",$2
 *
 * An alias is `$` and a decimal number; no JSON value starts with `$`, so a cell is never ambiguous.
 */
import type { JsonValue } from '../../types.ts';
import { jsonValueEnd } from './json-cells.ts';

/** The opening of the line that defines a table's aliases. */
export const ALIASES_OPENING = '# values: ';

/** Cell values shorter than this stay in the rows: a level or a small number reads better than an alias. */
const MIN_ALIASED_LENGTH = 8;
/** An alias must save at least this many characters over the table, definition included, to be worth a lookup. */
const MIN_SAVING = 16;
const ALIAS = /^\$(\d+)$/;

/** Alias names by serialised cell value, numbered in the order the rows first use them. */
export function chooseAliases(rows: readonly (readonly (string | undefined)[])[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const cell of row) if (cell !== undefined && cell.length >= MIN_ALIASED_LENGTH) counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  const worth = new Set<string>();
  // The widest alias any table could need: three digits cover every realistic count of distinct values.
  const aliasLength = 4;
  for (const [cell, count] of counts) {
    const saving = count * (cell.length - aliasLength) - (aliasLength + cell.length + 3);
    if (count >= 2 && saving >= MIN_SAVING) worth.add(cell);
  }
  const aliases = new Map<string, string>();
  for (const row of rows) {
    for (const cell of row) if (cell !== undefined && worth.has(cell) && !aliases.has(cell)) aliases.set(cell, `$${aliases.size + 1}`);
  }
  return aliases;
}

/** The line that defines `aliases`, or null when there are none. */
export function formatAliases(aliases: ReadonlyMap<string, string>): string | null {
  if (aliases.size === 0) return null;
  return `${ALIASES_OPENING}${[...aliases].map(([cell, alias]) => `${alias}=${cell}`).join(', ')}`;
}

/** Reads an aliases line back into values by alias. Throws SyntaxError on a malformed line. */
export function parseAliases(line: string): Map<string, JsonValue> {
  const values = new Map<string, JsonValue>();
  let rest = line.slice(ALIASES_OPENING.length);
  while (rest.length > 0) {
    const equals = rest.indexOf('=');
    const alias = equals < 0 ? '' : rest.slice(0, equals);
    if (!ALIAS.test(alias)) throw new SyntaxError(`bad alias in ${line}`);
    const end = jsonValueEnd(rest, equals + 1);
    values.set(alias, JSON.parse(rest.slice(equals + 1, end)) as JsonValue);
    rest = rest.slice(end);
    if (rest.length > 0 && !rest.startsWith(', ')) throw new SyntaxError(`expected ", " in ${line}`);
    rest = rest.slice(2);
  }
  return values;
}

/** True when `text` is an alias name. */
export function isAlias(text: string): boolean {
  return ALIAS.test(text);
}
