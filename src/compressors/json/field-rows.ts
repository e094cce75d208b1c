/** The rows the keep-rules judge, read one at a time: arrays of fields, or a compact store that builds each row on demand. */
import type { Field, Scalar } from './row-fields.ts';

/** Rows of fields, by index. */
export interface FieldRows {
  readonly length: number;
  /** The fields of row `index`; a compact store builds them on each call, so hold one row at a time. */
  fieldsOf(index: number): readonly Field[];
  /** The values of row `index`'s fields, in order, without building the fields. */
  valuesOf(index: number): readonly Scalar[];
}

/** What the keep-rules accept: a `FieldRows`, or one array of fields per row (table rows, tests). */
export type FieldRowsInput = FieldRows | readonly (readonly Field[])[];

const NO_FIELDS: readonly Field[] = [];

/** `rows` as a `FieldRows`. */
export function asFieldRows(rows: FieldRowsInput): FieldRows {
  if ('fieldsOf' in rows) return rows;
  return {
    length: rows.length,
    fieldsOf: (index) => rows[index] ?? NO_FIELDS,
    valuesOf: (index) => (rows[index] ?? NO_FIELDS).map((field) => field.value),
  };
}
