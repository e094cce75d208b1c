import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_RUN } from './__fixtures__/live-run-result.ts';
import { RESULT_TABLES, quoteIdentifier } from './results-schema.ts';
import { quoteLiteral } from './sql-literal.ts';
import { writeParquetExports } from './write-parquet.ts';
import { writeResultsDatabase } from './write-results-database.ts';

let tempDir: string;
let parquetDir: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS();
}

beforeAll(async () => {
  // A quote in the folder name proves the COPY target is quoted, not pasted into the SQL.
  tempDir = await mkdtemp(path.join(os.tmpdir(), "terse-parquet-o'brien-"));
  const database = path.join(tempDir, 'results.duckdb');
  parquetDir = path.join(tempDir, 'parquet');
  // The smoke run with live answers: every table, the live ones included, holds rows.
  await writeResultsDatabase(LIVE_RUN, database);
  await writeParquetExports(database, parquetDir);
  instance = await DuckDBInstance.create(database, { access_mode: 'READ_ONLY' });
  connection = await instance.connect();
});

afterAll(async () => {
  connection?.closeSync();
  instance?.closeSync();
  await rm(tempDir, { recursive: true, force: true });
});

describe('Parquet exports', () => {
  it('has one file per table of results.duckdb', async () => {
    const tables = (await rows('SELECT table_name FROM information_schema.tables ORDER BY table_name')).map(
      (row) => `${String(row.table_name)}.parquet`,
    );
    expect((await readdir(parquetDir)).sort()).toEqual(tables);
  });

  it.each(RESULT_TABLES.map((table) => table.name))(
    '%s reads back with the rows and columns of its table',
    async (table) => {
      const file = quoteLiteral(path.join(parquetDir, `${table}.parquet`));
      const [fromParquet] = await rows(`SELECT count(*) AS n FROM read_parquet(${file})`);
      const [fromTable] = await rows(`SELECT count(*) AS n FROM ${quoteIdentifier(table)}`);
      expect(fromParquet).toEqual(fromTable);
      expect(fromTable?.n).toBeGreaterThan(0n);
      const difference = await rows(
        `(SELECT * FROM ${quoteIdentifier(table)}) EXCEPT ALL (SELECT * FROM read_parquet(${file}))`,
      );
      expect(difference).toEqual([]);
    },
  );

  it('keeps types a merge relies on: lists, timestamps, nulls', async () => {
    const file = (table: string): string => quoteLiteral(path.join(parquetDir, `${table}.parquet`));
    expect(await rows(`SELECT configs, started_at::VARCHAR AS started FROM read_parquet(${file('runs')})`)).toEqual([
      { configs: ['none', 'json-minify'], started: '2026-11-25 15:40:23.123' },
    ]);
    expect(await rows(`SELECT count(*) - count(error) AS without_error FROM read_parquet(${file('pairs')})`)).toEqual([
      { without_error: 7n },
    ]);
  });
});
