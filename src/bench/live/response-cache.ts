/**
 * Model responses on disk, keyed by the SHA-256 of the provider and the full request bytes: a run
 * that is interrupted resumes from here, and no request that was answered is ever sent (or paid)
 * twice. An entry is written whole (a temporary file renamed into place), so a killed run leaves no
 * half-written entry behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JsonObject, Provider } from '../../types.ts';

const ENTRY_VERSION = 1;

/** The cache key of `body` sent over `provider`'s API: what the bytes say, nothing else. */
export function responseKey(provider: Provider, body: JsonObject): string {
  return createHash('sha256')
    .update(`${provider}\n${JSON.stringify(body)}`)
    .digest('hex');
}

interface CacheEntry {
  readonly version: typeof ENTRY_VERSION;
  readonly key: string;
  readonly provider: Provider;
  readonly response: JsonObject;
}

function isEntry(value: unknown, key: string): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<CacheEntry>;
  return (
    entry.version === ENTRY_VERSION &&
    entry.key === key &&
    typeof entry.response === 'object' &&
    entry.response !== null
  );
}

/** A folder of responses, two hex digits of fan-out. */
export class ResponseCache {
  constructor(readonly dir: string) {}

  #file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The response stored under `key`, or null. An unreadable entry counts as absent. */
  async get(key: string): Promise<JsonObject | null> {
    let text: string;
    try {
      text = await readFile(this.#file(key), 'utf8');
    } catch {
      return null;
    }
    try {
      const value: unknown = JSON.parse(text);
      return isEntry(value, key) ? value.response : null;
    } catch {
      return null;
    }
  }

  /** Stores `response` under `key`, atomically. */
  async put(key: string, provider: Provider, response: JsonObject): Promise<void> {
    const file = this.#file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
    const entry: CacheEntry = { version: ENTRY_VERSION, key, provider, response };
    await writeFile(temporary, `${JSON.stringify(entry)}\n`);
    await rename(temporary, file);
  }
}
