/**
 * Rows worth keeping for their text: a value seen in one row only, in a column whose values otherwise
 * repeat (the one hit that calls another function, the one repository that is the user's own). The
 * categorical counterpart of the numeric outliers in `numeric-signals.ts`.
 */
import type { Field } from './row-fields.ts';

/** A column is categorical when it has at most this many distinct values per value written. */
const CATEGORY_SHARE = 0.25;
const MIN_VALUES = 8;
/** Values seen once are rare by definition: more than this share of them is a long tail, not an anomaly. */
const RARE_SHARE = 0.05;

/** Sorted indices of the rows that hold a value seen once in a categorical text column. */
export function rareValueRows(rows: readonly (readonly Field[])[]): number[] {
  // Per column path: the rows holding each value, each row listed once.
  const columns = new Map<string, Map<string, number[]>>();
  rows.forEach((fields, index) => {
    for (const field of fields) {
      if (typeof field.value !== 'string') continue;
      let values = columns.get(field.path);
      if (values === undefined) {
        values = new Map();
        columns.set(field.path, values);
      }
      const holders = values.get(field.value) ?? [];
      if (holders[holders.length - 1] !== index) holders.push(index);
      values.set(field.value, holders);
    }
  });
  const found = new Set<number>();
  for (const values of columns.values()) {
    let written = 0;
    for (const holders of values.values()) written += holders.length;
    if (written < MIN_VALUES || values.size > CATEGORY_SHARE * written) continue;
    const singles = [...values.values()].filter((holders) => holders.length === 1);
    if (singles.length > Math.max(1, RARE_SHARE * written)) continue;
    for (const [index] of singles) found.add(index as number);
  }
  return [...found].sort((a, b) => a - b);
}
