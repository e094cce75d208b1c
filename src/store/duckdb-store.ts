/** A store in one DuckDB file: originals survive restarts, with the same TTL and byte bound as memory. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBBlobValue, DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { PathError } from '../errors.ts';
import type { StoreMissReason } from '../errors.ts';
import type { Store, StoreLookup } from './store.ts';
import { prepareOriginal, resolveStoreOptions, TOMBSTONE_LIMIT } from './store-options.ts';
import type { ResolvedStoreOptions, StoreOptions } from './store-options.ts';
import { StoreClosedError } from './store-errors.ts';
import { SerialQueue } from './serial-queue.ts';
import { numberCell, prepareSchema } from './duckdb-store-schema.ts';
import type { DropReason } from './tombstones.ts';

/**
 * A `Store` backed by a DuckDB file. Every operation runs alone on one connection (a DuckDB
 * connection holds one transaction at a time), and every write is one transaction: a put that fails
 * rolls back and rejects, so no entry is half-written and none already stored is lost.
 */
export class DuckDbStore implements Store {
  readonly #queue = new SerialQueue();
  #closed = false;

  constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly options: ResolvedStoreOptions,
    /** Last sequence number handed out: orders use (LRU) and drops (tombstone pruning). */
    private seq: number,
  ) {}

  async put(original: string): Promise<string> {
    this.#assertOpen();
    const { ref, bytes } = prepareOriginal(original, this.options.maxBytes);
    const blob = new DuckDBBlobValue(Buffer.from(original, 'utf8'));
    return this.#queue.run(() =>
      this.#transaction(async () => {
        const now = this.options.now();
        await this.#dropExpired(now, ref);
        await this.connection.run(
          `INSERT INTO terse_originals VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (ref) DO UPDATE SET created_at = excluded.created_at, used_seq = excluded.used_seq`,
          [ref, blob, bytes, now, this.#nextSeq()],
        );
        await this.connection.run('DELETE FROM terse_dropped WHERE ref = $1', [ref]);
        await this.#evictOverBound(ref);
        return ref;
      }),
    );
  }

  async get(ref: string): Promise<StoreLookup> {
    this.#assertOpen();
    return this.#queue.run(async () => {
      const rows = await this.#rows('SELECT original, created_at FROM terse_originals WHERE ref = $1', [ref]);
      const row = rows[0];
      if (row === undefined) return { found: false, reason: await this.#dropReason(ref) };
      if (this.#isExpired(numberCell(row[1]), this.options.now())) {
        await this.#transaction(() => this.#drop([ref], 'expired'));
        return { found: false, reason: 'expired' };
      }
      await this.connection.run('UPDATE terse_originals SET used_seq = $1 WHERE ref = $2', [this.#nextSeq(), ref]);
      return { found: true, original: decodeBlob(row[0]) };
    });
  }

  async has(ref: string): Promise<boolean> {
    this.#assertOpen();
    return this.#queue.run(async () => {
      const rows = await this.#rows('SELECT created_at FROM terse_originals WHERE ref = $1', [ref]);
      const row = rows[0];
      return row !== undefined && !this.#isExpired(numberCell(row[0]), this.options.now());
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Queued behind every pending operation, so none of them meets a closed connection.
    await this.#queue.run(async () => {
      this.connection.closeSync();
      this.instance.closeSync();
    });
  }

  #isExpired(createdAt: number, now: number): boolean {
    return now - createdAt >= this.options.ttlMs;
  }

  async #dropExpired(now: number, keep: string): Promise<void> {
    // `keep` is the ref being put: it is renewed by the upsert, not dropped and re-inserted.
    const rows = await this.#rows('SELECT ref FROM terse_originals WHERE $1 - created_at >= $2 AND ref <> $3', [
      now,
      this.options.ttlMs,
      keep,
    ]);
    await this.#drop(rows.map((row) => String(row[0])), 'expired');
  }

  async #evictOverBound(keep: string): Promise<void> {
    const total = numberCell((await this.#rows('SELECT sum(bytes) FROM terse_originals'))[0]?.[0]);
    if (total <= this.options.maxBytes) return;
    const candidates = await this.#rows(
      'SELECT ref, bytes FROM terse_originals WHERE ref <> $1 ORDER BY used_seq, ref',
      [keep],
    );
    const evicted: string[] = [];
    let remaining = total;
    for (const [ref, bytes] of candidates) {
      if (remaining <= this.options.maxBytes) break;
      evicted.push(String(ref));
      remaining -= numberCell(bytes);
    }
    await this.#drop(evicted, 'evicted');
  }

  async #drop(refs: readonly string[], reason: DropReason): Promise<void> {
    for (const ref of refs) {
      await this.connection.run('DELETE FROM terse_originals WHERE ref = $1', [ref]);
      await this.connection.run(
        `INSERT INTO terse_dropped VALUES ($1, $2, $3)
         ON CONFLICT (ref) DO UPDATE SET reason = excluded.reason, dropped_seq = excluded.dropped_seq`,
        [ref, reason, this.#nextSeq()],
      );
    }
    if (refs.length === 0) return;
    await this.connection.run(
      `DELETE FROM terse_dropped WHERE ref IN
         (SELECT ref FROM terse_dropped ORDER BY dropped_seq DESC OFFSET $1)`,
      [TOMBSTONE_LIMIT],
    );
  }

  async #dropReason(ref: string): Promise<StoreMissReason> {
    const rows = await this.#rows('SELECT reason FROM terse_dropped WHERE ref = $1', [ref]);
    const reason = rows[0]?.[0];
    return reason === 'expired' || reason === 'evicted' ? reason : 'unknown';
  }

  async #transaction<T>(body: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await body();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      // The failure that matters is `error`; a failed rollback leaves DuckDB to discard the transaction.
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async #rows(sql: string, values: DuckDBValue[] = []): Promise<DuckDBValue[][]> {
    return (await this.connection.runAndReadAll(sql, values)).getRows();
  }

  #nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosedError(`duckdb store ${this.file}`);
  }
}

function decodeBlob(value: DuckDBValue | undefined): string {
  if (!(value instanceof DuckDBBlobValue)) throw new TypeError(`expected a BLOB cell, got ${String(value)}`);
  return Buffer.from(value.bytes.buffer, value.bytes.byteOffset, value.bytes.byteLength).toString('utf8');
}

/** Opens (creating when missing) the DuckDB store file `file`; one open store per file per process. */
export async function openDuckDbStore(file: string, options: StoreOptions = {}): Promise<DuckDbStore> {
  const resolved = resolveStoreOptions(options);
  let instance: DuckDBInstance;
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    instance = await DuckDBInstance.create(file);
  } catch (error) {
    throw new PathError(file, `cannot open DuckDB store: ${error instanceof Error ? error.message : String(error)}`);
  }
  const connection = await instance.connect();
  try {
    const seq = await prepareSchema(connection, file);
    return new DuckDbStore(file, instance, connection, resolved, seq);
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    if (error instanceof PathError) throw error;
    throw new PathError(file, `not a terse store: ${error instanceof Error ? error.message : String(error)}`);
  }
}
