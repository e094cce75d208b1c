/** Exports every table of a finished results.duckdb as Parquet, the form shards of one run are merged from. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { RESULT_TABLES, quoteIdentifier } from './results-schema.ts';
import { quoteLiteral } from './sql-literal.ts';

/** The folder of a report that holds the Parquet exports. */
export const PARQUET_FOLDER = 'parquet';

/** Where a report folder keeps the Parquet of `table`. */
export function parquetFile(reportDir: string, table: string): string {
  return path.join(reportDir, PARQUET_FOLDER, `${table}.parquet`);
}

/** Creates the folder `dir` and writes `<table>.parquet` into it for every table of `databaseFile`. */
export async function writeParquetExports(databaseFile: string, dir: string): Promise<void> {
  await mkdir(dir);
  // Read-only: the export must not change the database it describes.
  const instance = await DuckDBInstance.create(databaseFile, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    try {
      for (const table of RESULT_TABLES) {
        const file = path.join(dir, `${table.name}.parquet`);
        await connection.run(
          `COPY (SELECT * FROM ${quoteIdentifier(table.name)}) TO ${quoteLiteral(file)} (FORMAT parquet)`,
        );
      }
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
