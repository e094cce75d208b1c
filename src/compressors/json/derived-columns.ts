/**
 * String columns that another column of the same row spells out: a GitHub issue's `url` is
 * `"https://api.github.com/repos/django/django/issues/"` + its `number`. Such a column moves into
 * the table's header as that formula (`url="https://…/issues/"+number`) and leaves the rows; decoding
 * writes each row's value back from its own source cell. Lossless: the formula holds for every row.
 */
import type { JsonValue } from '../../types.ts';

/** A column every row of which is `prefix + source + suffix`, `source` another column of that row. */
export interface DerivedColumn {
  /** Index of the derived column among the table's columns. */
  readonly column: number;
  /** Index of the column it is spelled from. */
  readonly source: number;
  readonly prefix: string;
  readonly suffix: string;
}

/** The formula must stand for at least this many characters per row to be worth a place in the header. */
const MIN_FIXED_CHARS = 6;

/** The text a source cell contributes: a string's own text, an integer's digits; null for anything else. */
export function sourceText(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : null;
}

/** Where `part` splits `whole` into a prefix and suffix that every row shares, tried left to right. */
function splits(whole: string, part: string): [string, string][] {
  const found: [string, string][] = [];
  if (part.length === 0) return found;
  for (let at = whole.indexOf(part); at >= 0; at = whole.indexOf(part, at + 1))
    found.push([whole.slice(0, at), whole.slice(at + part.length)]);
  return found;
}

/**
 * The derivable columns of a table whose rows are `values` (parsed cells, undefined when absent),
 * considering only the columns `candidate` allows. A column derives from one that is not itself
 * derived; each row must hold both cells.
 */
export function derivedColumns(
  values: readonly (readonly (JsonValue | undefined)[])[],
  candidate: (column: number) => boolean,
): DerivedColumn[] {
  const first = values[0];
  if (first === undefined) return [];
  const width = first.length;
  const derived: DerivedColumn[] = [];
  const isDerived = new Set<number>();
  const isSource = new Set<number>();
  for (let column = 0; column < width; column += 1) {
    if (!candidate(column) || isSource.has(column) || typeof first[column] !== 'string') continue;
    for (let source = 0; source < width; source += 1) {
      if (source === column || !candidate(source) || isDerived.has(source)) continue;
      const found = formulaFor(values, column, source);
      if (found === null) continue;
      derived.push({ column, source, ...found });
      isDerived.add(column);
      isSource.add(source);
      break;
    }
  }
  return derived;
}

function formulaFor(
  values: readonly (readonly (JsonValue | undefined)[])[],
  column: number,
  source: number,
): { prefix: string; suffix: string } | null {
  const first = values[0] as readonly (JsonValue | undefined)[];
  const part = sourceText(first[source]);
  if (part === null) return null;
  for (const [prefix, suffix] of splits(first[column] as string, part)) {
    if (prefix.length + suffix.length < MIN_FIXED_CHARS) continue;
    const holds = values.every((row) => {
      const text = sourceText(row[source]);
      return text !== null && row[column] === `${prefix}${text}${suffix}`;
    });
    if (holds) return { prefix, suffix };
  }
  return null;
}
