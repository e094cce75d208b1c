/**
 * A store in a folder, one file per original, named by its content ref. Any number of processes can
 * share it at once with no lock: a put writes a private temporary file and renames it into place
 * (atomic on one file system), and two processes putting the same ref write the same bytes. What a
 * file's times hold: mtime is the latest put (the TTL runs from it), atime the latest use (LRU order).
 * docs/store.md says why this design rather than a shared DuckDB file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PathError, type StoreMissReason } from '../errors.ts';
import type { Store, StoreLookup } from './store.ts';
import {
  prepareOriginal,
  resolveStoreOptions,
  TOMBSTONE_LIMIT,
  type ResolvedStoreOptions,
  type StoreOptions,
} from './store-options.ts';
import { StoreClosedError, UnstorableOriginalError } from './store-errors.ts';
import { SerialQueue } from './serial-queue.ts';
import type { DropReason } from './tombstones.ts';

/** Refs are hex: anything else names no file here (and never a path outside the folder). */
const REF_FILE = /^[0-9a-f]{16,64}$/;
/** A held original's file name: its ref, after its scope's hash when it has one (see `fileName`). */
const ORIGINAL_FILE = /^(?:[0-9a-f]{16}\.)?[0-9a-f]{16,64}$/;

/** The file an original of `scope` is held in: scopes never share a name, and any scope string makes a safe one. */
function fileName(ref: string, scope: string | undefined): string {
  return scope === undefined ? ref : `${createHash('sha256').update(scope).digest('hex').slice(0, 16)}.${ref}`;
}
/** A partial write older than this belongs to a process that died; sweeps remove it. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

function errnoCode(error: unknown): string | null {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
}

/** A `Store` whose originals are files under `dir`; safe to share between processes. */
export class FileStore implements Store {
  readonly #objects: string;
  readonly #dropped: string;
  readonly #partial: string;
  readonly #maintenance = new SerialQueue();
  #pendingSweep: Promise<void> | null = null;
  /** Last use stamp handed out (ms): strictly increasing in this process, so LRU order holds under a still clock. */
  #lastUse = 0;
  #closed = false;

  constructor(
    readonly dir: string,
    private readonly options: ResolvedStoreOptions,
  ) {
    this.#objects = path.join(dir, 'objects');
    this.#dropped = path.join(dir, 'dropped');
    this.#partial = path.join(dir, 'partial');
  }

  async put(original: string, scope?: string): Promise<string> {
    this.#assertOpen();
    const { ref, bytes } = prepareOriginal(original, this.options.maxBytes);
    const name = fileName(ref, scope);
    const file = path.join(this.#objects, name);
    const data = Buffer.from(original, 'utf8');
    await this.#refuseCollision(ref, file, data);
    const partial = path.join(this.#partial, `${name}.${process.pid}.${randomBytes(4).toString('hex')}`);
    const now = this.options.now();
    try {
      // Readable by its user only: originals are tool outputs, often private.
      await writeFile(partial, data, { mode: 0o600 });
      await utimes(partial, this.#useStamp() / 1000, now / 1000);
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw new PathError(
        file,
        `cannot store an original (${bytes} bytes): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    await rm(path.join(this.#dropped, name), { force: true });
    await this.#sweep();
    return ref;
  }

  async get(ref: string, scope?: string): Promise<StoreLookup> {
    this.#assertOpen();
    if (!REF_FILE.test(ref)) return { found: false, reason: 'unknown' };
    const name = fileName(ref, scope);
    const file = path.join(this.#objects, name);
    const info = await stat(file).catch(() => null);
    if (info === null) return { found: false, reason: await this.#dropReason(name) };
    if (this.#isExpired(info.mtimeMs)) {
      await this.#drop(name, 'expired');
      return { found: false, reason: 'expired' };
    }
    let original: string;
    try {
      original = await readFile(file, 'utf8');
    } catch (error) {
      // Evicted by another process between the stat and the read.
      if (errnoCode(error) === 'ENOENT') return { found: false, reason: await this.#dropReason(name) };
      throw error;
    }
    // Set after the read, which may itself have moved atime; mtime (the TTL's start) is kept.
    await utimes(file, this.#useStamp() / 1000, info.mtime).catch(() => undefined);
    return { found: true, original };
  }

  async has(ref: string, scope?: string): Promise<boolean> {
    this.#assertOpen();
    if (!REF_FILE.test(ref)) return false;
    const info = await stat(path.join(this.#objects, fileName(ref, scope))).catch(() => null);
    return info !== null && !this.#isExpired(info.mtimeMs);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#maintenance.run(async () => undefined);
  }

  /** The same ref holding other bytes would make a marker return the wrong original: refused. */
  async #refuseCollision(ref: string, file: string, data: Buffer): Promise<void> {
    const info = await stat(file).catch(() => null);
    if (info === null) return;
    const same = info.size === data.length && (await readFile(file).catch(() => data)).equals(data);
    if (!same) throw new UnstorableOriginalError(ref, 'ref-collision', 'another original already holds this ref');
  }

  #isExpired(putAtMs: number): boolean {
    return this.options.now() - putAtMs >= this.options.ttlMs;
  }

  #useStamp(): number {
    // 10 µs steps: a double holds them exactly enough at today's epoch in ms.
    this.#lastUse = Math.max(this.options.now(), this.#lastUse + 0.01);
    return this.#lastUse;
  }

  /** Puts that arrive before a queued sweep starts share it; one sweep runs at a time in this process. */
  #sweep(): Promise<void> {
    if (this.#pendingSweep !== null) return this.#pendingSweep;
    const sweep = this.#maintenance.run(async () => {
      this.#pendingSweep = null;
      await this.#sweepNow();
    });
    this.#pendingSweep = sweep;
    return sweep;
  }

  /** Drops expired originals, then the least recently used until the bound holds, then old tombstones. */
  async #sweepNow(): Promise<void> {
    const entries: { ref: string; bytes: number; usedAt: number }[] = [];
    for (const name of await readdir(this.#objects)) {
      if (!ORIGINAL_FILE.test(name)) continue;
      const info = await stat(path.join(this.#objects, name)).catch(() => null);
      if (info === null) continue;
      if (this.#isExpired(info.mtimeMs)) await this.#drop(name, 'expired');
      else entries.push({ ref: name, bytes: info.size, usedAt: info.atimeMs });
    }
    let total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    if (total > this.options.maxBytes) {
      // The newest put is the most recently used and fits alone (prepareOriginal checked), so it stays.
      entries.sort((a, b) => a.usedAt - b.usedAt || a.ref.localeCompare(b.ref));
      for (const entry of entries) {
        if (total <= this.options.maxBytes) break;
        await this.#drop(entry.ref, 'evicted');
        total -= entry.bytes;
      }
    }
    await this.#pruneTombstones();
    await this.#removeStalePartials();
  }

  async #drop(ref: string, reason: DropReason): Promise<void> {
    // The tombstone first: a reader that misses the file then finds why.
    const partial = path.join(this.#partial, `${ref}.dropped.${process.pid}.${randomBytes(4).toString('hex')}`);
    await writeFile(partial, reason);
    await rename(partial, path.join(this.#dropped, ref));
    await rm(path.join(this.#objects, ref), { force: true });
  }

  async #dropReason(ref: string): Promise<StoreMissReason> {
    const reason = await readFile(path.join(this.#dropped, ref), 'utf8').catch(() => null);
    return reason === 'expired' || reason === 'evicted' ? reason : 'unknown';
  }

  async #pruneTombstones(): Promise<void> {
    const names = await readdir(this.#dropped);
    if (names.length <= TOMBSTONE_LIMIT) return;
    const aged = await Promise.all(
      names.map(async (name) => ({
        name,
        at: (await stat(path.join(this.#dropped, name)).catch(() => null))?.mtimeMs ?? 0,
      })),
    );
    aged.sort((a, b) => a.at - b.at);
    for (const { name } of aged.slice(0, aged.length - TOMBSTONE_LIMIT))
      await rm(path.join(this.#dropped, name), { force: true });
  }

  async #removeStalePartials(): Promise<void> {
    const now = Date.now(); // the real clock: partial files carry real times until renamed
    for (const name of await readdir(this.#partial)) {
      const file = path.join(this.#partial, name);
      const info = await stat(file).catch(() => null);
      if (info !== null && now - info.ctimeMs > STALE_PARTIAL_MS) await rm(file, { force: true });
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosedError(`file store ${this.dir}`);
  }
}

/** Opens (creating when missing) the file store in folder `dir`. */
export async function openFileStore(dir: string, options: StoreOptions = {}): Promise<FileStore> {
  const resolved = resolveStoreOptions(options);
  const root = path.resolve(dir);
  try {
    // Private to its user, as the DuckDB store file is (0600 in a 0700 folder).
    await mkdir(root, { recursive: true, mode: 0o700 });
    for (const sub of ['objects', 'dropped', 'partial'])
      await mkdir(path.join(root, sub), { recursive: true, mode: 0o700 });
  } catch (error) {
    const code = errnoCode(error);
    throw new PathError(
      root,
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'is not a folder (a store is a folder)'
        : `cannot open the store: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return new FileStore(root, resolved);
}
