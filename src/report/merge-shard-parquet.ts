/**
 * Merges the Parquet exports of several report folders (the shards of a `--shard i/n` run, or whole
 * runs) into one new DuckDB database with the results.duckdb schema. Rows are unioned as they are:
 * every table carries run_id, so rows of different runs stay apart.
 */
import { access, rename, rm } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PathError, ReportInputError, TerseError } from '../errors.ts';
import { RESULT_TABLES, createTableSql, quoteIdentifier, type TableSpec } from './results-schema.ts';
import { quoteLiteral } from './sql-literal.ts';
import { parquetFile } from './write-parquet.ts';

/** Rows merged into each table, by table name. */
export type MergedRowCounts = Readonly<Record<string, number>>;

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function requireParquet(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    for (const table of RESULT_TABLES.filter((t) => t.addedLater !== true)) {
      const file = parquetFile(dir, table.name);
      if (!(await exists(file)))
        throw new PathError(file, 'is missing: the folder is not a report with Parquet exports');
    }
  }
}

async function mergeTable(connection: DuckDBConnection, table: TableSpec, dirs: readonly string[]): Promise<number> {
  // The declared schema, not the Parquet's inferred one, so NOT NULL and BIGINT hold in the merge too.
  await connection.run(createTableSql(table));
  const present: string[] = [];
  for (const dir of dirs) if (await exists(parquetFile(dir, table.name))) present.push(dir);
  const name = quoteIdentifier(table.name);
  // A report older than a table has none of its rows: the table stays, empty of them.
  if (present.length === 0) return 0;
  const files = present.map((dir) => quoteLiteral(parquetFile(dir, table.name))).join(', ');
  await connection.run(`INSERT INTO ${name} BY NAME SELECT * FROM read_parquet([${files}], union_by_name = true)`);
  const reader = await connection.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM ${name}`);
  return Number(reader.getRowObjectsJS()[0]?.n ?? 0);
}

async function mergeInto(file: string, dirs: readonly string[]): Promise<MergedRowCounts> {
  const counts: Record<string, number> = {};
  const instance = await DuckDBInstance.create(file);
  try {
    const connection = await instance.connect();
    try {
      for (const table of RESULT_TABLES) counts[table.name] = await mergeTable(connection, table, dirs);
      // Folds the write-ahead log in, so the merged database is one self-contained file.
      await connection.run('CHECKPOINT');
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
  return counts;
}

/** Unions the `parquet/` of every report folder in `dirs` into the new database `outFile`; returns rows per table. */
export async function mergeShardParquet(dirs: readonly string[], outFile: string): Promise<MergedRowCounts> {
  if (dirs.length === 0) throw new ReportInputError('shard report folders', 'none given');
  await requireParquet(dirs);
  if (await exists(outFile)) throw new PathError(outFile, 'already exists; refusing to overwrite stored results');
  // Built aside and renamed into place, so a file named like the merge is always a complete one.
  const partial = `${outFile}.partial-${process.pid}`;
  await rm(partial, { force: true });
  try {
    const counts = await mergeInto(partial, dirs);
    await rename(partial, outFile);
    return counts;
  } catch (error) {
    await rm(partial, { force: true });
    await rm(`${partial}.wal`, { force: true });
    if (error instanceof TerseError) throw error;
    throw new PathError(outFile, `could not be merged: ${error instanceof Error ? error.message : String(error)}`);
  }
}
