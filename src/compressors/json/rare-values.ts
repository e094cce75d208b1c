/**
 * Rows worth keeping for their text: a value seen in one row only, in a column whose values otherwise
 * repeat (the one hit that calls another function, the one repository that is the user's own). The
 * categorical counterpart of the numeric outliers in `numeric-signals.ts`.
 */
import { asFieldRows, type FieldRowsInput } from './field-rows.ts';

/** A column is categorical when it has at most this many distinct values per value written. */
const CATEGORY_SHARE = 0.25;
const MIN_VALUES = 8;
/** Values seen once are rare by definition: more than this share of them is a long tail, not an anomaly. */
const RARE_SHARE = 0.05;

/**
 * One text column's values: per value, the last row holding it, as `row` while it is the only one and
 * `-row - 1` once a second row holds it (a number, not a list of rows: a column of 10,000 distinct
 * timestamps would otherwise hold 10,000 lists); `written` counts each value once per row holding it.
 */
interface ColumnValues {
  readonly holders: Map<string, number>;
  written: number;
}

/** Sorted indices of the rows that hold a value seen once in a categorical text column. */
export function rareValueRows(input: FieldRowsInput): number[] {
  const rows = asFieldRows(input);
  const columns = new Map<string, ColumnValues>();
  for (let index = 0; index < rows.length; index += 1) {
    for (const field of rows.fieldsOf(index)) {
      if (typeof field.value !== 'string') continue;
      let column = columns.get(field.path);
      if (column === undefined) {
        column = { holders: new Map(), written: 0 };
        columns.set(field.path, column);
      }
      const last = column.holders.get(field.value);
      const lastRow = last === undefined ? -1 : last >= 0 ? last : -last - 1;
      if (lastRow === index) continue;
      column.holders.set(field.value, last === undefined ? index : -index - 1);
      column.written += 1;
    }
  }
  const found = new Set<number>();
  for (const { holders, written } of columns.values()) {
    if (written < MIN_VALUES || holders.size > CATEGORY_SHARE * written) continue;
    const singles = [...holders.values()].filter((row) => row >= 0);
    if (singles.length > Math.max(1, RARE_SHARE * written)) continue;
    for (const row of singles) found.add(row);
  }
  return [...found].sort((a, b) => a - b);
}
