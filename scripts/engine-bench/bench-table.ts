/** The engine bench's rows and how they print: one line per figure, its target and PASS/MISS. */

/** One measured figure beside its target. */
export interface BenchRow {
  readonly measure: string;
  readonly figure: string;
  readonly target: string;
  /** null when the row is context for another (no target of its own). */
  readonly pass: boolean | null;
}

const VERDICT = (pass: boolean | null): string => (pass === null ? '' : pass ? 'PASS' : 'MISS');

/** A fixed-width text table (plain columns that paste into the README's text blocks; cli-table3 draws boxes). */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = [
    ['measure', 'figure', 'target', ''],
    ...rows.map((r) => [r.measure, r.figure, r.target, VERDICT(r.pass)]),
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(cells[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Milliseconds with sensible precision. */
export function ms(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`;
}

/** A ratio as `1.23x`. */
export function ratio(value: number): string {
  return `${value.toFixed(2)}x`;
}
