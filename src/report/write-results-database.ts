/** Bulk-loads a run's rows into results.duckdb with the DuckDB appender (one appender per table). */
import { DuckDBInstance, LIST, VARCHAR, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { ReportInputError } from '../errors.ts';
import type { RunResult } from '../bench/replay-rows.ts';
import { RESULT_TABLES, createTableSql, type CellValue, type ColumnType, type TableSpec } from './results-schema.ts';

function appendCell(appender: DuckDBAppender, type: ColumnType, value: CellValue, where: string): void {
  if (value === null) return appender.appendNull();
  switch (type) {
    case 'VARCHAR':
    // TIMESTAMP is appended as its ISO text; DuckDB casts it, and rejects text that is not a time.
    case 'TIMESTAMP':
      if (typeof value === 'string') return appender.appendVarchar(value);
      break;
    case 'BIGINT':
      // BigInt() throws on fractions, so a non-integer count cannot be stored silently truncated.
      if (typeof value === 'number' && Number.isInteger(value)) return appender.appendBigInt(BigInt(value));
      break;
    case 'DOUBLE':
      if (typeof value === 'number') return appender.appendDouble(value);
      break;
    case 'BOOLEAN':
      if (typeof value === 'boolean') return appender.appendBoolean(value);
      break;
    case 'VARCHAR[]':
      if (Array.isArray(value)) return appender.appendList(value, LIST(VARCHAR));
      break;
  }
  throw new ReportInputError(where, `${JSON.stringify(value)} is not a ${type}`);
}

async function loadTable(connection: DuckDBConnection, table: TableSpec, result: RunResult): Promise<void> {
  await connection.run(createTableSql(table));
  const appender = await connection.createAppender(table.name);
  try {
    let rowNumber = 0;
    for (const cells of table.rows(result)) {
      table.columns.forEach((column, index) => {
        appendCell(appender, column.type, cells[index] ?? null, `${table.name} row ${rowNumber} column ${column.name}`);
      });
      appender.endRow();
      rowNumber++;
    }
  } catch (error) {
    // Closing flushes; after a half-appended row that throws too, and would hide the first error.
    try {
      appender.closeSync();
    } catch {
      // The first error is the one worth reporting.
    }
    throw error;
  }
  appender.closeSync();
}

/** Creates `file` as a new DuckDB database holding every row of `result` (schema: results-schema.ts). */
export async function writeResultsDatabase(result: RunResult, file: string): Promise<void> {
  const instance = await DuckDBInstance.create(file);
  try {
    const connection = await instance.connect();
    try {
      for (const table of RESULT_TABLES) await loadTable(connection, table, result);
      // Folds the write-ahead log into the file, so the report folder holds one self-contained database.
      await connection.run('CHECKPOINT');
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
