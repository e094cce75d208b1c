/**
 * The columnar text form of JSON (lossless, readable, decodable by `decodeColumnar`):
 *
 *   {"total_hits":3000,"entries":"<table 1>"}          skeleton: compact JSON, each table a placeholder
 *   # table 1 (entries): 300 rows; columns: timestamp, level, metadata.host
 *   "2024-01-15T10:00:00Z","ERROR","pod-1"             one row per line: a JSON value per column
 *   "2024-01-15T10:01:00Z",,"pod-2"                    an empty cell: that row has no such key
 *
 * When the whole document is one table, the skeleton line is left out and the header reads
 * `# 300 rows; columns: ...`. A column is a dotted key path (`metadata.host`: a nested object) or,
 * when a key is not a plain word, a JSON array of keys (`["a.b"]`). Cells equal in every row move
 * into the header (`every row: branch="main"; columns: ...`, see `table-header.ts`); values that
 * repeat are written once on a `# values: $1=...` line under it and as `$1` in the rows (see
 * `value-aliases.ts`); a string column each row spells from another of its cells becomes a formula
 * there too (`url="https://…/issues/"+number`, see `derived-columns.ts`). A sampled (lossy) table says `20 of 300 rows kept` and is followed by its
 * marker line; decoding it gives the kept rows.
 */
import type { JsonObject, JsonValue } from '../../types.ts';
import { assignKey, planColumns, readCell, writeCell, type ColumnPath } from './column-plan.ts';
import { formatCells, parseCells } from './json-cells.ts';
import { derivedColumns, sourceText } from './derived-columns.ts';
import { formatHeader, parseHeader, type DerivedCell, type TableHeader } from './table-header.ts';
import type { JsonParse } from './safe-parse.ts';
import { MARKER_OPENING } from '../../store/marker.ts';
import { ALIASES_OPENING, aliasRows, estimateTokens, parseAliases, type TokenCount } from './value-aliases.ts';

/** What sampling left on an array: how long it was and the marker that stands for what it dropped. */
export interface SampleNote {
  readonly total: number;
  readonly marker: string;
}

const MIN_TABLE_ROWS = 3;
const MIN_TABLE_COLUMNS = 2;
const MAX_TABLE_COLUMNS = 100;
/** Objects are "similar" when at most this share of the table's cells would be empty. */
const MAX_ABSENT_SHARE = 0.4;
const PLACEHOLDER = /^<table (\d+)>$/;
/** Columns shared by every row move to the header only while this many columns stay in the rows. */
const MIN_ROW_COLUMNS = 2;

function isPlainObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The columns of `items` when they read well as a table, else null. */
function tableColumns(items: readonly JsonValue[]): ColumnPath[] | null {
  if (items.length < MIN_TABLE_ROWS || !items.every(isPlainObject)) return null;
  const rows = items as JsonObject[];
  const columns = planColumns(rows);
  if (columns.length < MIN_TABLE_COLUMNS || columns.length > MAX_TABLE_COLUMNS) return null;
  let absent = 0;
  for (const row of rows) for (const column of columns) if (readCell(row, column) === undefined) absent += 1;
  return absent <= MAX_ABSENT_SHARE * rows.length * columns.length ? columns : null;
}

interface Table {
  readonly items: JsonObject[];
  readonly columns: ColumnPath[];
  readonly path: string;
}

function hasPlaceholderString(value: JsonValue): boolean {
  if (typeof value === 'string') return PLACEHOLDER.test(value);
  if (Array.isArray(value)) return value.some(hasPlaceholderString);
  if (isPlainObject(value)) return Object.values(value).some(hasPlaceholderString);
  return false;
}

/** Finds the arrays to write as tables, outermost first; a table's cells are never searched. */
function findTables(value: JsonValue, path: string, found: Map<JsonValue[], Table>): void {
  if (Array.isArray(value)) {
    const columns = tableColumns(value);
    if (columns !== null) {
      found.set(value, { items: value as JsonObject[], columns, path });
      return;
    }
    value.forEach((item, index) => findTables(item, `${path}[${index}]`, found));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const name = key.replace(/[^\w$@.-]/g, '_');
      findTables(item, path === '' ? name : `${path}.${name}`, found);
    }
  }
}

/** The columns of `table` its rows spell from another column, as header cells; none when fewer than two columns would stay in the rows. */
function derivedCells(table: Table, keep: (index: number) => boolean): { column: number; header: DerivedCell }[] {
  const values = table.items.map((row) => table.columns.map((column) => readCell(row, column)));
  const found = derivedColumns(values, keep);
  const inRows = table.columns.filter((_, index) => keep(index)).length;
  if (inRows - found.length < MIN_ROW_COLUMNS) return [];
  return found.map(({ column, source, prefix, suffix }) => ({
    column,
    header: { path: table.columns[column] as ColumnPath, prefix, source: table.columns[source] as ColumnPath, suffix },
  }));
}

/**
 * Writes `value` in the columnar form; `notes` names the arrays that sampling shortened, and
 * `countTokens` (the caller's ruler) judges which repeated values are worth an alias.
 */
export function encodeColumnar(
  value: JsonValue,
  notes: WeakMap<JsonValue[], SampleNote> = new WeakMap(),
  countTokens: TokenCount = estimateTokens,
): string {
  const tables = new Map<JsonValue[], Table>();
  // A string that looks like a placeholder would make the skeleton ambiguous: then no tables at all.
  if (!hasPlaceholderString(value)) findTables(value, '', tables);
  const ids = new Map<JsonValue[], number>();
  for (const table of tables.keys()) ids.set(table, ids.size + 1);
  const serialize = (root: JsonValue): string =>
    // Scalars need no replacer: skipping it keeps big tables (10,000 rows) cheap to write.
    typeof root !== 'object' || root === null
      ? JSON.stringify(root)
      : JSON.stringify(root, function replacer(_key: string, item: JsonValue) {
          if (!Array.isArray(item)) return item;
          const id = ids.get(item);
          if (id !== undefined && item !== root) return `<table ${id}>`;
          const note = notes.get(item);
          return note === undefined ? item : [...item, note.marker];
        });
  const rootIsTable = Array.isArray(value) && tables.has(value);
  const lines: string[] = rootIsTable ? [] : [serialize(value)];
  for (const [array, table] of tables) {
    const note = notes.get(array);
    const counts =
      note === undefined ? `${table.items.length} rows` : `${table.items.length} of ${note.total} rows kept`;
    const prefix = rootIsTable ? '' : `table ${ids.get(array)} (${table.path}): `;
    const cells = table.items.map((row) =>
      table.columns.map((column) => {
        const cell = readCell(row, column);
        return cell === undefined ? undefined : serialize(cell);
      }),
    );
    const shared = table.columns.map((_, index) => {
      const first = cells[0]?.[index];
      return first !== undefined && cells.every((row) => row[index] === first) ? first : undefined;
    });
    const sharedCount = shared.filter((cell) => cell !== undefined).length;
    const hoist = table.columns.length - sharedCount >= MIN_ROW_COLUMNS;
    const keep = (index: number): boolean => !hoist || shared[index] === undefined;
    const hoisted = hoist
      ? table.columns.flatMap((column, index) => (keep(index) ? [] : [[column, shared[index] as string] as const]))
      : [];
    const derived = derivedCells(table, keep);
    const inRows = (index: number): boolean => keep(index) && !derived.some((cell) => cell.column === index);
    lines.push(
      formatHeader(
        prefix,
        counts,
        note !== undefined,
        hoisted,
        table.columns.filter((_, index) => inRows(index)),
        derived.map((cell) => cell.header),
      ),
    );
    const aliased = aliasRows(
      cells.map((row) => row.filter((_, index) => inRows(index))),
      countTokens,
    );
    if (aliased.line !== null) lines.push(aliased.line);
    for (const row of aliased.rows) lines.push(formatCells(row));
    if (note !== undefined) lines.push(note.marker);
  }
  return lines.join('\n');
}

function fillPlaceholders(value: JsonValue, tables: ReadonlyMap<number, JsonObject[]>): JsonValue {
  if (typeof value === 'string') {
    const match = PLACEHOLDER.exec(value);
    return match === null ? value : (tables.get(Number(match[1])) ?? value);
  }
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, tables));
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) assignKey(value, key, fillPlaceholders(value[key] as JsonValue, tables));
  }
  return value;
}

function decodeTables(lines: readonly string[]): Map<number, JsonObject[]> {
  const tables = new Map<number, JsonObject[]>();
  let header: TableHeader = { table: 0, shared: [], derived: [], columns: [] };
  let rows: JsonObject[] = [];
  let aliases = new Map<string, JsonValue>();
  for (const line of lines) {
    if (line.startsWith(MARKER_OPENING)) continue;
    // Checked before the header: an alias's value may hold "; ", which the header pattern would accept.
    if (line.startsWith(ALIASES_OPENING)) {
      aliases = parseAliases(line);
      continue;
    }
    const next = line.startsWith('# ') ? parseHeader(line) : null;
    if (next !== null) {
      header = next;
      rows = [];
      aliases = new Map();
      tables.set(header.table, rows);
      continue;
    }
    const columns = header.columns;
    const cells = parseCells(line, aliases);
    if (cells.length !== columns.length)
      throw new SyntaxError(`row has ${cells.length} cells, header ${columns.length}`);
    const row: JsonObject = {};
    for (const [path, value] of header.shared) writeCell(row, path, structuredClone(value));
    cells.forEach((cell, index) => {
      if (cell !== undefined) writeCell(row, columns[index] as ColumnPath, cell);
    });
    for (const { path, prefix, source, suffix } of header.derived) {
      const text = sourceText(readCell(row, source));
      if (text === null) throw new SyntaxError(`row has no ${source.join('.')} to spell ${path.join('.')} from`);
      writeCell(row, path, `${prefix}${text}${suffix}`);
    }
    rows.push(row);
  }
  return tables;
}

/** Reads the columnar form (or plain JSON) back into the values it was written from. */
export function decodeColumnar(text: string): JsonParse {
  try {
    const lines = text.split('\n');
    const firstHeader = lines.findIndex((line) => line.startsWith('# '));
    if (firstHeader < 0) return { ok: true, value: JSON.parse(text) as JsonValue };
    const tables = decodeTables(lines.slice(firstHeader));
    if (firstHeader === 0) return { ok: true, value: tables.get(0) ?? [] };
    const skeleton = JSON.parse(lines.slice(0, firstHeader).join('\n')) as JsonValue;
    return { ok: true, value: fillPlaceholders(skeleton, tables) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
