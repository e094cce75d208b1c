/**
 * Which rows of a long array survive sampling. Always kept: the first and last rows, rows that report
 * an error, numeric outliers and change points, and rows holding an identifier the conversation mentions.
 * Rows holding a value no other row has (in a column whose values repeat), warnings, then evenly
 * spaced rows fill whatever is left of the budget.
 */
import { troubleLevel } from './error-signals.ts';
import { asFieldRows, type FieldRows, type FieldRowsInput } from './field-rows.ts';
import { identifiersIn, mentionProbe } from './mentioned-identifiers.ts';
import { changePointRows, outlierRows } from './numeric-signals.ts';
import { rareValueRows } from './rare-values.ts';

/** What sampling aims for. */
export interface RowBudget {
  /** Rows kept in all when nothing forces more. */
  readonly budget: number;
  /** Identifiers from the conversation (see `identifiersIn`). */
  readonly mentioned: ReadonlySet<string>;
}

/** A numeric column must be this full to be judged for outliers: a sparse one is not a series. */
const NUMERIC_COLUMN_SHARE = 0.8;

function numericColumns(rows: FieldRows): Map<string, (number | undefined)[]> {
  const columns = new Map<string, (number | undefined)[]>();
  for (let index = 0; index < rows.length; index += 1) {
    for (const field of rows.fieldsOf(index)) {
      if (typeof field.value !== 'number') continue;
      let column = columns.get(field.path);
      if (column === undefined) {
        column = new Array<number | undefined>(rows.length).fill(undefined);
        columns.set(field.path, column);
      }
      // The first number wins where an array repeats a path inside one row.
      if (column[index] === undefined) column[index] = field.value;
    }
  }
  for (const [path, column] of columns) {
    const filled = column.filter((value) => value !== undefined).length;
    if (filled < NUMERIC_COLUMN_SHARE * rows.length) columns.delete(path);
  }
  return columns;
}

/** Rows holding a mentioned identifier; an identifier found in more rows than the budget is a category, not a pointer. */
function mentionedRows(rows: FieldRows, budget: RowBudget): number[] {
  if (budget.mentioned.size === 0) return [];
  const rowsById = new Map<string, number[]>();
  const mightHold = mentionProbe(budget.mentioned);
  for (let index = 0; index < rows.length; index += 1) {
    const tokens = new Set<string>();
    for (const value of rows.valuesOf(index)) {
      if (value === null || typeof value === 'boolean') continue;
      const text = String(value);
      if (mightHold(text)) identifiersIn(text, tokens);
    }
    for (const token of tokens) {
      if (!budget.mentioned.has(token)) continue;
      const list = rowsById.get(token) ?? [];
      list.push(index);
      rowsById.set(token, list);
    }
  }
  return [...rowsById.values()].filter((list) => list.length <= budget.budget).flat();
}

/** Adds up to `slots` of `candidates` (ascending row indices not yet kept) to `kept`, evenly spaced. */
function addSpread(candidates: readonly number[], slots: number, kept: Set<number>): void {
  const stride = candidates.length / slots;
  for (let slot = 0; slot < slots && slot < candidates.length; slot += 1) {
    kept.add(candidates[Math.floor(slot * stride + stride / 2)] as number);
  }
}

/** Sorted indices of the rows to keep. */
export function chooseRows(input: FieldRowsInput, budget: RowBudget): number[] {
  const rows = asFieldRows(input);
  const count = rows.length;
  const kept = new Set<number>([0, count - 1]);
  const warnings: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const trouble = troubleLevel(rows.fieldsOf(index));
    if (trouble === 'error') kept.add(index);
    else if (trouble === 'warning') warnings.push(index);
  }
  for (const column of numericColumns(rows).values()) {
    for (const index of outlierRows(column)) kept.add(index);
    for (const index of changePointRows(column)) kept.add(index);
  }
  for (const index of mentionedRows(rows, budget)) kept.add(index);
  // Rows of rare values, then warnings, each take at most half the rows still free, so that the sample
  // still shows ordinary rows; evenly spaced rows fill the rest.
  for (const preferred of [() => rareValueRows(rows), () => warnings]) {
    const free = budget.budget - kept.size;
    if (free <= 0) break;
    addSpread(
      preferred().filter((index) => !kept.has(index)),
      Math.ceil(free / 2),
      kept,
    );
  }
  if (budget.budget > kept.size) {
    const candidates: number[] = [];
    for (let index = 0; index < count; index += 1) if (!kept.has(index)) candidates.push(index);
    addSpread(candidates, budget.budget - kept.size, kept);
  }
  return [...kept].filter((index) => index >= 0 && index < count).sort((a, b) => a - b);
}
