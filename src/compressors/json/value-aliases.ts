/**
 * Lossless dictionary encoding of a table's cells: a cell value that repeats often enough to pay off
 * is written once on a line under the table header and referred to by a short alias in the rows.
 *
 *   # values: $1="payment-service", $2=["import { useForm } from 'react-hook-form';",""], $3="    finally:"
 *   "2025-03-11T08:00:32Z","ERROR",$1,"Deadlock on orders",$2,[{"line":4,"context_after":$3}]
 *
 * A whole cell or a string value inside a nested cell (never a key) can be aliased. An alias is `$`
 * and a decimal number: no JSON value starts with `$`, so neither a cell nor a nested value is ambiguous.
 */
import type { JsonValue } from '../../types.ts';
import { jsonValueEnd } from './json-cells.ts';
// A marker must stay where sampling wrote it, in its row, next to what it stands for: never aliased.
import { MARKER_OPENING } from '../../store/marker.ts';

/** The opening of the line that defines a table's aliases. */
export const ALIASES_OPENING = '# values: ';

/** Counts the tokens of a text: the engine's ruler, or `estimateTokens` where none is at hand. */
export type TokenCount = (text: string) => number;

/** About four characters a token: only for callers without a ruler (the compressor passes its own). */
export const estimateTokens: TokenCount = (text) => Math.ceil(text.length / 4);

/** Values shorter than this stay in the rows unmeasured: a level or a number reads better than an alias. */
const MIN_ALIASED_LENGTH = 8;
/** An alias must save this many tokens at each use: saving less is not worth a lookup for the reader. */
const MIN_SAVING_PER_USE = 2;
/** ... and this many over the whole table, its definition paid. */
const MIN_SAVING = 6;
/** A column is categorical when it has at most this many distinct values per value written. */
const CATEGORICAL_SHARE = 0.5;
const ALIAS = /^\$(\d+)$/;
// A JSON string literal of compact JSON text: scanning from the start, every match is a whole literal.
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"/g;

function isNested(cell: string): boolean {
  return cell.startsWith('[') || cell.startsWith('{');
}

/** The string values inside a nested cell, as written; keys stay, so that nested objects still read as objects. */
function innerStrings(cell: string): string[] {
  const found: string[] = [];
  for (const match of cell.matchAll(STRING_LITERAL)) {
    const literal = match[0];
    const isKey = cell[match.index + literal.length] === ':';
    if (!isKey && literal.length >= MIN_ALIASED_LENGTH && !literal.includes(MARKER_OPENING)) found.push(literal);
  }
  return found;
}

/** The values of `counts` whose aliases pay off, measured in tokens where they stand in a row. */
function worthAliasing(counts: ReadonlyMap<string, number>, countTokens: TokenCount): Set<string> {
  const worth = new Set<string>();
  const aliasCost = countTokens(',$99,');
  for (const [value, count] of counts) {
    if (count < 2) continue;
    const perUse = countTokens(`,${value},`) - aliasCost;
    if (perUse >= MIN_SAVING_PER_USE && count * perUse - (countTokens(value) + aliasCost) >= MIN_SAVING)
      worth.add(value);
  }
  return worth;
}

function countInto(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

/**
 * Per column: whether its values mostly repeat (hosts, levels, context lines). A column of mostly
 * distinct values (timestamps, ids) is what a reader scans by, so it stays literal.
 */
function categoricalColumns(rows: readonly Readonly<RowCells>[]): boolean[] {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  return Array.from({ length: width }, (_, column) => {
    const values = rows.flatMap((row) => (row[column] === undefined ? [] : [row[column] as string]));
    return new Set(values).size <= CATEGORICAL_SHARE * values.length;
  });
}

/** Serialised cells of a table's rows, as `aliasRows` takes and gives them; undefined: an absent key. */
export type RowCells = (string | undefined)[];

/** A table's rows with repeated values aliased, and the line that defines the aliases (null: none). */
export function aliasRows(
  rows: readonly Readonly<RowCells>[],
  countTokens: TokenCount,
): { line: string | null; rows: RowCells[] } {
  const categorical = categoricalColumns(rows);
  const isCandidate = (cell: string, column: number): boolean =>
    categorical[column] === true && cell.length >= MIN_ALIASED_LENGTH && !cell.includes(MARKER_OPENING);
  const wholeCounts = new Map<string, number>();
  rows.forEach((row) =>
    row.forEach((cell, column) => {
      if (cell !== undefined && isCandidate(cell, column)) countInto(wholeCounts, cell);
    }),
  );
  const whole = worthAliasing(wholeCounts, countTokens);
  // Then the strings inside nested cells that stay whole, counted together with the same strings as cells.
  const innerCounts = new Map<string, number>();
  rows.forEach((row) =>
    row.forEach((cell, column) => {
      if (cell === undefined || whole.has(cell)) return;
      if (isNested(cell)) for (const literal of innerStrings(cell)) countInto(innerCounts, literal);
      else if (cell.startsWith('"') && isCandidate(cell, column)) countInto(innerCounts, cell);
    }),
  );
  const inner = worthAliasing(innerCounts, countTokens);
  const aliases = new Map<string, string>();
  const aliasOf = (value: string): string => {
    let alias = aliases.get(value);
    if (alias === undefined) {
      alias = `$${aliases.size + 1}`;
      aliases.set(value, alias);
    }
    return alias;
  };
  const isAliased = (value: string): boolean => whole.has(value) || inner.has(value);
  const written = rows.map((row) =>
    row.map((cell, column) => {
      if (cell === undefined) return cell;
      if (categorical[column] === true && isAliased(cell)) return aliasOf(cell);
      if (!isNested(cell) || whole.size + inner.size === 0) return cell;
      return cell.replace(STRING_LITERAL, (literal, offset: number) => {
        const isKey = cell[offset + literal.length] === ':';
        return !isKey && isAliased(literal) ? aliasOf(literal) : literal;
      });
    }),
  );
  const line =
    aliases.size === 0
      ? null
      : `${ALIASES_OPENING}${[...aliases].map(([value, alias]) => `${alias}=${value}`).join(', ')}`;
  return { line, rows: written };
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
