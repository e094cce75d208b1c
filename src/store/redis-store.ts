/**
 * A store in Redis, so several proxy replicas share one set of originals: a marker written through
 * one replica resolves through any other. Same TTL, byte bound (LRU) and tombstones as the memory
 * store; every put and get is one Lua script, atomic on the server (see redis-store-scripts.ts).
 * Entries are keyed by scope and ref (`storageKey`), as in the other backends.
 */
import { createClient, ErrorReply } from '@redis/client';
import { PathError } from '../errors.ts';
import type { StoreMissReason } from '../errors.ts';
import type { Store, StoreLookup } from './store.ts';
import { prepareOriginal, resolveStoreOptions, storageKey, TOMBSTONE_LIMIT } from './store-options.ts';
import type { ResolvedStoreOptions, StoreOptions } from './store-options.ts';
import { StoreClosedError, UnstorableOriginalError } from './store-errors.ts';
import { GET_SCRIPT, PUT_SCRIPT, REDIS_STORE_KEYS, REF_COLLISION_REPLY } from './redis-store-scripts.ts';

/**
 * Without the offline queue a command fails at once while Redis is away (the block fails open instead
 * of waiting); a lost connection is retried, but the first connect fails at once with its cause.
 */
function newClient(url: string, connected: () => boolean) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries: number, cause: Error) => (connected() ? Math.min(retries * 100, 2_000) : cause),
    },
  });
}

type RedisClient = ReturnType<typeof newClient>;

/** Options of a Redis store beside the common ones. */
export interface RedisStoreOptions extends StoreOptions {
  /** Prefix of every key, so several stores (or tests) share one Redis. @default "terse:store:" */
  readonly prefix?: string;
}

const MISS_REASONS: readonly StoreMissReason[] = ['unknown', 'expired', 'evicted'];

/** A `Store` whose entries live in a Redis server. */
export class RedisStore implements Store {
  readonly #keys: string[];
  readonly #shas = new Map<string, string>();
  #closed = false;

  constructor(
    /** The server's URL with any password removed, for messages. */
    readonly location: string,
    private readonly client: RedisClient,
    private readonly options: ResolvedStoreOptions,
    prefix: string,
  ) {
    this.#keys = REDIS_STORE_KEYS.map((key) => `${prefix}${key}`);
  }

  async put(original: string, scope?: string): Promise<string> {
    this.#assertOpen();
    const { ref, bytes } = prepareOriginal(original, this.options.maxBytes);
    const { now, ttlMs, maxBytes } = this.options;
    try {
      await this.#run(PUT_SCRIPT, [
        storageKey(ref, scope),
        original,
        String(bytes),
        String(now()),
        String(ttlMs),
        String(maxBytes),
        String(TOMBSTONE_LIMIT),
      ]);
    } catch (error) {
      if (error instanceof ErrorReply && error.message.includes(REF_COLLISION_REPLY)) {
        throw new UnstorableOriginalError(ref, 'ref-collision', 'another original already holds this ref');
      }
      throw error;
    }
    return ref;
  }

  async get(ref: string, scope?: string): Promise<StoreLookup> {
    this.#assertOpen();
    const reply = await this.#run(GET_SCRIPT, [
      storageKey(ref, scope),
      String(this.options.now()),
      String(this.options.ttlMs),
      String(TOMBSTONE_LIMIT),
    ]);
    if (!Array.isArray(reply) || reply.length !== 2 || typeof reply[1] !== 'string') {
      throw new TypeError(`${this.location}: unexpected reply to get: ${String(reply)}`);
    }
    const [found, value] = reply;
    if (found === 1) return { found: true, original: value };
    const reason = MISS_REASONS.find((known) => known === value) ?? 'unknown';
    return { found: false, reason };
  }

  async has(ref: string, scope?: string): Promise<boolean> {
    this.#assertOpen();
    const putAt = await this.client.zScore(this.#keys[2] as string, storageKey(ref, scope));
    return putAt !== null && this.options.now() - putAt < this.options.ttlMs;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.client.isOpen) await this.client.close();
  }

  /** Runs a script by its SHA; loads it once per connection's server (again after a server restart). */
  async #run(script: string, args: string[]): Promise<unknown> {
    const options = { keys: this.#keys, arguments: args };
    let sha = this.#shas.get(script);
    if (sha === undefined) {
      sha = await this.client.scriptLoad(script);
      this.#shas.set(script, sha);
    }
    try {
      return await this.client.evalSha(sha, options);
    } catch (error) {
      // Redis names a script cache miss only in its error text: a restarted server forgot the script.
      if (!(error instanceof ErrorReply) || !error.message.startsWith('NOSCRIPT')) throw error;
      this.#shas.delete(script);
      return this.client.eval(script, options);
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosedError(`redis store ${this.location}`);
  }
}

/** The URL without its password, safe to print. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Connects to the Redis at `url` (`redis://[user:pass@]host:port[/db]`); a server that cannot be reached is a PathError. */
export async function openRedisStore(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
  const { prefix = 'terse:store:', ...storeOptions } = options;
  const resolved = resolveStoreOptions(storeOptions);
  const location = redactedUrl(url);
  let connected = false;
  const client = newClient(url, () => connected);
  // Reported through the failed command or connect; without a listener an error event would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    connected = true;
  } catch (error) {
    client.destroy();
    throw new PathError(location, `cannot reach Redis: ${error instanceof Error ? error.message : String(error)}`);
  }
  return new RedisStore(location, client, resolved, prefix);
}
