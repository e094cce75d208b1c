/** The tables of a DuckDB store file, and the check that a file is one terse can read. */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { PathError } from '../errors.ts';

/** Layout version of a store file; a file with another version is refused, never rewritten. */
export const DUCKDB_STORE_VERSION = 1;

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS terse_store_meta (version INTEGER NOT NULL)`,
  // original is a BLOB of UTF-8 bytes: a BLOB round-trips every byte, NUL included.
  // created_at: ms of the latest put (TTL runs from it); used_seq: order of the latest put or get (LRU).
  `CREATE TABLE IF NOT EXISTS terse_originals (
     ref VARCHAR PRIMARY KEY,
     original BLOB NOT NULL,
     bytes BIGINT NOT NULL,
     created_at BIGINT NOT NULL,
     used_seq BIGINT NOT NULL
   )`,
  // Refs this store dropped, so a miss can say why; pruned to the newest TOMBSTONE_LIMIT.
  `CREATE TABLE IF NOT EXISTS terse_dropped (
     ref VARCHAR PRIMARY KEY,
     reason VARCHAR NOT NULL,
     dropped_seq BIGINT NOT NULL
   )`,
];

/** Reads a BIGINT/INTEGER/HUGEINT cell as a number (all values here are far below 2^53). */
export function numberCell(value: DuckDBValue | undefined): number {
  if (typeof value === 'bigint' || typeof value === 'number') return Number(value);
  if (value === null || value === undefined) return 0;
  throw new TypeError(`expected an integer cell, got ${String(value)}`);
}

/**
 * Creates the tables when missing and checks the version; returns the highest sequence number used,
 * so LRU and tombstone order continue where the last process stopped.
 */
export async function prepareSchema(connection: DuckDBConnection, file: string): Promise<number> {
  for (const statement of SCHEMA) await connection.run(statement);
  const versions = (await connection.runAndReadAll('SELECT version FROM terse_store_meta')).getRows();
  if (versions.length === 0) {
    await connection.run('INSERT INTO terse_store_meta VALUES ($1)', [DUCKDB_STORE_VERSION]);
  } else if (versions.length !== 1 || numberCell(versions[0]?.[0]) !== DUCKDB_STORE_VERSION) {
    throw new PathError(file, `store layout version ${String(versions[0]?.[0])}, expected ${DUCKDB_STORE_VERSION}`);
  }
  const rows = (
    await connection.runAndReadAll(
      `SELECT greatest(
         (SELECT coalesce(max(used_seq), 0) FROM terse_originals),
         (SELECT coalesce(max(dropped_seq), 0) FROM terse_dropped))`,
    )
  ).getRows();
  return numberCell(rows[0]?.[0]);
}
