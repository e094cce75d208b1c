/** Rows worth keeping for their numbers: robust outliers of a column and sudden jumps in a series. */
import { median, medianAbsoluteDeviation, quantileSorted } from 'simple-statistics';

/** Robust z-score (Iglewicz and Hoaglin) above which a value is an outlier. */
const OUTLIER_Z = 3.5;
/** A step this many times the 90th percentile of step sizes is a change point. */
const CHANGE_FACTOR = 6;
/** Scales the MAD to a standard deviation under normality. */
const MAD_SCALE = 1.4826;
const MIN_VALUES = 8;
/** Outliers are rare by definition: more than this share means a second mode, not outliers. */
const RARE_SHARE = 0.05;

function isRare(found: readonly unknown[], present: number): boolean {
  return found.length <= Math.max(1, RARE_SHARE * present);
}

/** Rows whose value is a robust (median/MAD) outlier of its column; `values` is undefined where a row has no number. */
export function outlierRows(values: readonly (number | undefined)[]): number[] {
  const present = values.filter((value): value is number => value !== undefined);
  if (present.length < MIN_VALUES) return [];
  const center = median(present);
  const spread = MAD_SCALE * medianAbsoluteDeviation(present);
  const found: number[] = [];
  values.forEach((value, index) => {
    if (value === undefined) return;
    const deviant = spread === 0 ? value !== center : Math.abs(value - center) / spread > OUTLIER_Z;
    if (deviant) found.push(index);
  });
  return isRare(found, present.length) ? found : [];
}

/** Rows on both sides of a step far larger than the column's usual steps (a level shift or a spike). */
export function changePointRows(values: readonly (number | undefined)[]): number[] {
  const steps: { index: number; size: number }[] = [];
  for (let i = 1; i < values.length; i += 1) {
    const before = values[i - 1];
    const after = values[i];
    if (before !== undefined && after !== undefined) steps.push({ index: i, size: Math.abs(after - before) });
  }
  if (steps.length < MIN_VALUES) return [];
  const usual = quantileSorted(
    steps.map((step) => step.size).sort((a, b) => a - b),
    0.9,
  );
  const found = steps.filter((step) => (usual === 0 ? step.size > 0 : step.size > CHANGE_FACTOR * usual));
  return isRare(found, steps.length) ? found.flatMap((step) => [step.index - 1, step.index]) : [];
}
