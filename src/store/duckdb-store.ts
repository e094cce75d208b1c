/** A store in one DuckDB file: originals survive restarts, with the same TTL and byte bound as memory. */
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBBlobValue, DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBValue } from '@duckdb/node-api';
import { PathError } from '../errors.ts';
import type { StoreMissReason } from '../errors.ts';
import type { Store, StoreLookup } from './store.ts';
import { prepareOriginal, resolveStoreOptions, storageKey, TOMBSTONE_LIMIT } from './store-options.ts';
import type { ResolvedStoreOptions, StoreOptions } from './store-options.ts';
import { StoreClosedError } from './store-errors.ts';
import { SerialQueue } from './serial-queue.ts';
import { numberCell, prepareSchema } from './duckdb-store-schema.ts';
import type { DropReason } from './tombstones.ts';

interface PendingPut {
  /** The row's key (`storageKey`): the content ref, after its scope. */
  readonly ref: string;
  readonly contentRef: string;
  readonly bytes: number;
  readonly blob: DuckDBBlobValue;
  resolve(ref: string): void;
  reject(error: unknown): void;
}

/**
 * A `Store` backed by a DuckDB file. Every operation runs alone on one connection (a DuckDB
 * connection holds one transaction at a time), and every write is one transaction: a put that fails
 * rolls back and rejects, so no entry is half-written and none already stored is lost. Puts that
 * arrive while another operation runs are written together, in call order, under one commit.
 */
export class DuckDbStore implements Store {
  readonly #queue = new SerialQueue();
  /** Puts waiting for the next flush. */
  readonly #pendingPuts: PendingPut[] = [];
  /** Prepared once per SQL text: parsing and planning cost more than running these small statements. */
  readonly #prepared = new Map<string, DuckDBPreparedStatement>();
  #closed = false;

  constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly options: ResolvedStoreOptions,
    /** Last sequence number handed out: orders use (LRU) and drops (tombstone pruning). */
    private seq: number,
  ) {}

  async put(original: string, scope?: string): Promise<string> {
    this.#assertOpen();
    const { ref: contentRef, bytes } = prepareOriginal(original, this.options.maxBytes);
    const blob = new DuckDBBlobValue(Buffer.from(original, 'utf8'));
    return new Promise<string>((resolve, reject) => {
      this.#pendingPuts.push({ ref: storageKey(contentRef, scope), contentRef, bytes, blob, resolve, reject });
      // The first put of a burst schedules the flush; the rest join it (one transaction, one commit).
      if (this.#pendingPuts.length === 1) void this.#queue.run(() => this.#flushPuts());
    });
  }

  async get(contentRef: string, scope?: string): Promise<StoreLookup> {
    this.#assertOpen();
    const ref = storageKey(contentRef, scope);
    return this.#queue.run(async () => {
      const rows = await this.#execute('SELECT original, created_at FROM terse_originals WHERE ref = $1', [ref]);
      const row = rows[0];
      if (row === undefined) return { found: false, reason: await this.#dropReason(ref) };
      if (this.#isExpired(numberCell(row[1]), this.options.now())) {
        await this.#transaction(() => this.#drop([ref], 'expired'));
        return { found: false, reason: 'expired' };
      }
      await this.#execute('UPDATE terse_originals SET used_seq = $1 WHERE ref = $2', [this.#nextSeq(), ref]);
      return { found: true, original: decodeBlob(row[0]) };
    });
  }

  async has(contentRef: string, scope?: string): Promise<boolean> {
    this.#assertOpen();
    const ref = storageKey(contentRef, scope);
    return this.#queue.run(async () => {
      const rows = await this.#execute('SELECT created_at FROM terse_originals WHERE ref = $1', [ref]);
      const row = rows[0];
      return row !== undefined && !this.#isExpired(numberCell(row[0]), this.options.now());
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Queued behind every pending operation, so none of them meets a closed connection.
    await this.#queue.run(async () => {
      for (const statement of this.#prepared.values()) statement.destroySync();
      this.#prepared.clear();
      this.connection.closeSync();
      this.instance.closeSync();
    });
  }

  async #flushPuts(): Promise<void> {
    const batch = this.#pendingPuts.splice(0);
    try {
      await this.#transaction(() => this.#writePuts(batch));
      for (const put of batch) put.resolve(put.contentRef);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One failing put must not fail its neighbours: retry each alone, so only the culprit rejects.
      for (const put of batch) {
        await this.#transaction(() => this.#writePuts([put])).then(
          () => put.resolve(put.contentRef),
          (failure: unknown) => put.reject(failure),
        );
      }
    }
  }

  async #writePuts(batch: readonly PendingPut[]): Promise<void> {
    const now = this.options.now();
    await this.#dropExpired(now);
    for (const put of batch) {
      await this.#execute(
        `INSERT INTO terse_originals VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (ref) DO UPDATE SET created_at = excluded.created_at, used_seq = excluded.used_seq`,
        [put.ref, put.blob, put.bytes, now, this.#nextSeq()],
      );
      await this.#execute('DELETE FROM terse_dropped WHERE ref = $1', [put.ref]);
    }
    await this.#evictOverBound();
  }

  #isExpired(createdAt: number, now: number): boolean {
    return now - createdAt >= this.options.ttlMs;
  }

  async #dropExpired(now: number): Promise<void> {
    const rows = await this.#execute('SELECT ref FROM terse_originals WHERE $1 - created_at >= $2', [
      now,
      this.options.ttlMs,
    ]);
    await this.#drop(
      rows.map((row) => String(row[0])),
      'expired',
    );
  }

  async #evictOverBound(): Promise<void> {
    const total = numberCell((await this.#execute('SELECT sum(bytes) FROM terse_originals'))[0]?.[0]);
    if (total <= this.options.maxBytes) return;
    // The newest entry comes last in use order and fits alone (prepareOriginal checked), so it stays.
    const candidates = await this.#execute('SELECT ref, bytes FROM terse_originals ORDER BY used_seq, ref');
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
      await this.#execute('DELETE FROM terse_originals WHERE ref = $1', [ref]);
      await this.#execute(
        `INSERT INTO terse_dropped VALUES ($1, $2, $3)
         ON CONFLICT (ref) DO UPDATE SET reason = excluded.reason, dropped_seq = excluded.dropped_seq`,
        [ref, reason, this.#nextSeq()],
      );
    }
    if (refs.length === 0) return;
    await this.#execute(
      `DELETE FROM terse_dropped WHERE ref IN
         (SELECT ref FROM terse_dropped ORDER BY dropped_seq DESC OFFSET $1)`,
      [TOMBSTONE_LIMIT],
    );
  }

  async #dropReason(ref: string): Promise<StoreMissReason> {
    const rows = await this.#execute('SELECT reason FROM terse_dropped WHERE ref = $1', [ref]);
    const reason = rows[0]?.[0];
    return reason === 'expired' || reason === 'evicted' ? reason : 'unknown';
  }

  async #transaction<T>(body: () => Promise<T>): Promise<T> {
    await this.#execute('BEGIN TRANSACTION');
    try {
      const result = await body();
      await this.#execute('COMMIT');
      return result;
    } catch (error) {
      // The failure that matters is `error`; a failed rollback leaves DuckDB to discard the transaction.
      await this.#execute('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async #execute(sql: string, values: DuckDBValue[] = []): Promise<DuckDBValue[][]> {
    let statement = this.#prepared.get(sql);
    if (statement === undefined) {
      statement = await this.connection.prepare(sql);
      this.#prepared.set(sql, statement);
    }
    statement.bind(values);
    return (await statement.runAndReadAll()).getRows();
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
    // Originals are whatever tools printed: the folder terse creates and the file are its user's alone.
    await mkdir(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    instance = await DuckDBInstance.create(file);
    await chmod(file, 0o600);
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
