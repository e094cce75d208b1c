import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathError } from '../errors.ts';
import { redisServerMissingReason, startLocalRedis, type LocalRedis } from '../testkit/store/local-redis-server.ts';
import { openRedisStore } from './redis-store.ts';
import { describeStoreConformance } from '../testkit/store/store-conformance.ts';

const missing = redisServerMissingReason();
let redis: LocalRedis | null = null;
let stores = 0;

function url(): string {
  if (redis === null || !redis.available) throw new Error('redis-server did not start');
  return redis.url;
}

describe.skipIf(missing !== null)(`redis store${missing === null ? '' : ` (skipped: ${missing})`}`, () => {
  beforeAll(async () => {
    redis = await startLocalRedis();
  });
  afterAll(async () => {
    if (redis?.available) await redis.stop();
  });

  describeStoreConformance({
    name: 'redis',
    async openFresh(options) {
      // One server, one key prefix per store: each test starts empty.
      stores += 1;
      const prefix = `test-${stores}:`;
      return {
        store: await openRedisStore(url(), { ...options, prefix }),
        reopen: (again) => openRedisStore(url(), { ...again, prefix }),
      };
    },
    persistenceSkipReason: null,
  });

  it('shares originals between two clients of one server, as two proxy replicas would', async () => {
    const a = await openRedisStore(url(), { prefix: 'shared:' });
    const b = await openRedisStore(url(), { prefix: 'shared:' });
    const ref = await a.put('written by replica a 🚀\r\n');
    expect(await b.get(ref)).toEqual({ found: true, original: 'written by replica a 🚀\r\n' });
    await Promise.all([a.close(), b.close()]);
  });

  it('names the server when it cannot be reached', async () => {
    const error = await openRedisStore('redis://127.0.0.1:1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PathError);
    expect((error as PathError).path).toContain('127.0.0.1:1');
  });
});
