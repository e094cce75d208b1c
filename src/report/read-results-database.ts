/**
 * Reads a results.duckdb (or a merge of several) back into plain row objects, table by table, with
 * the types results-schema.ts declares: counts as numbers, times as ISO-8601 text, lists as arrays.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { PathError } from '../errors.ts';
import { RESULT_TABLES, quoteIdentifier, type ColumnDefinition, type TableSpec } from './results-schema.ts';

/** One row: column name -> value. */
export type StoredRow = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/** Every table's rows, by table name. */
export type StoredTables = Readonly<Record<string, readonly StoredRow[]>>;

/** The SELECT expression of a column, as a JS value the row reader can take as it is. */
function selectOf(column: ColumnDefinition): string {
  const name = quoteIdentifier(column.name);
  switch (column.type) {
    // Counts fit a double exactly (below 2^53); DuckDB would hand BIGINT over as bigint.
    case 'BIGINT':
      return `${name}::DOUBLE AS ${name}`;
    case 'TIMESTAMP':
      return `strftime(${name}, '%Y-%m-%dT%H:%M:%S.%gZ') AS ${name}`;
    default:
      return name;
  }
}

function rowOf(value: Record<string, unknown>, table: TableSpec): StoredRow {
  const row: Record<string, StoredRow[string]> = {};
  for (const column of table.columns) {
    const cell = value[column.name];
    row[column.name] = Array.isArray(cell) ? cell.map(String) : (cell as StoredRow[string]);
  }
  return row;
}

/** Every row of every table of the database `file`, opened read-only. */
export async function readResultsDatabase(file: string): Promise<StoredTables> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  } catch (error) {
    throw new PathError(
      file,
      `cannot be opened as a results database: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    const connection = await instance.connect();
    try {
      const tables: Record<string, StoredRow[]> = {};
      for (const table of RESULT_TABLES) {
        const reader = await connection.runAndReadAll(
          `SELECT ${table.columns.map(selectOf).join(', ')} FROM ${quoteIdentifier(table.name)}`,
        );
        tables[table.name] = reader.getRowObjectsJS().map((value) => rowOf(value as Record<string, unknown>, table));
      }
      return tables;
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
