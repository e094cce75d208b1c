/** How report figures read: fixed en-US grouping so a report renders the same on every machine. */

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const MILLISECONDS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A whole number with thousands separators: `12,345`. */
export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** A reduction fraction as a percentage with one decimal: 0.9214 -> `92.1%`. */
export function formatReduction(reduction: number): string {
  const percent = (reduction * 100).toFixed(1);
  // toFixed keeps the sign of tiny negatives ("-0.0"), which reads as a regression that is not there.
  return `${percent === '-0.0' ? '0.0' : percent}%`;
}

/** Token counts before and after: `12,345 -> 1,020`. */
export function formatTokensChange(before: number, after: number): string {
  return `${formatCount(before)} -> ${formatCount(after)}`;
}

/** Milliseconds with two decimals, enough to compare compressors: `1,234.50`. */
export function formatMilliseconds(value: number): string {
  return MILLISECONDS.format(value);
}
