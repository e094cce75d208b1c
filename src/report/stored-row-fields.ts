/** Typed reads of one field of a stored row: a cell of the wrong type is a ReportInputError naming table, row and column. */
import { ReportInputError } from '../errors.ts';
import type { StoredRow } from './read-results-database.ts';

/** Where a row sits, for errors: `requests row 12`. */
export interface RowPlace {
  readonly table: string;
  readonly index: number;
}

function fail(place: RowPlace, column: string, expected: string, value: unknown): never {
  throw new ReportInputError(
    `${place.table} row ${place.index} column ${column}`,
    `${JSON.stringify(value)} is not ${expected}`,
  );
}

/** A VARCHAR cell. */
export function textField(row: StoredRow, column: string, place: RowPlace): string {
  const value = row[column];
  return typeof value === 'string' ? value : fail(place, column, 'text', value);
}

/** A nullable VARCHAR cell. */
export function maybeTextField(row: StoredRow, column: string, place: RowPlace): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : textField(row, column, place);
}

/** A BIGINT or DOUBLE cell. */
export function numberField(row: StoredRow, column: string, place: RowPlace): number {
  const value = row[column];
  return typeof value === 'number' && Number.isFinite(value) ? value : fail(place, column, 'a number', value);
}

/** A BOOLEAN cell. */
export function flagField(row: StoredRow, column: string, place: RowPlace): boolean {
  const value = row[column];
  return typeof value === 'boolean' ? value : fail(place, column, 'true or false', value);
}

/** A VARCHAR[] cell. */
export function listField(row: StoredRow, column: string, place: RowPlace): string[] {
  const value = row[column];
  return Array.isArray(value) ? value.map(String) : fail(place, column, 'a list', value);
}

/** A VARCHAR cell that must be one of `allowed`. */
export function oneOfField<T extends string>(
  row: StoredRow,
  column: string,
  place: RowPlace,
  allowed: readonly T[],
): T {
  const value = textField(row, column, place);
  return (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fail(place, column, `one of ${allowed.join(', ')}`, value);
}
