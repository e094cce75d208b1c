import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCacheDir } from '../../testkit/live/live-replay.ts';
import { ResponseCache, responseKey } from './response-cache.ts';

describe('the response cache', () => {
  it('keys a request by its provider and every byte of its body', () => {
    const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
    expect(responseKey('anthropic', body)).toMatch(/^[0-9a-f]{64}$/);
    expect(responseKey('anthropic', body)).toBe(responseKey('anthropic', JSON.parse(JSON.stringify(body))));
    expect(responseKey('openai', body)).not.toBe(responseKey('anthropic', body));
    expect(responseKey('anthropic', { ...body, max_tokens: 5 })).not.toBe(responseKey('anthropic', body));
  });

  it('returns what was put, leaves no partial file, and takes a damaged entry for absent', async () => {
    const dir = freshCacheDir();
    const cache = new ResponseCache(dir);
    const key = responseKey('anthropic', { a: 1 });
    expect(await cache.get(key)).toBeNull();
    await cache.put(key, 'anthropic', { type: 'message', content: [] });
    expect(await cache.get(key)).toEqual({ type: 'message', content: [] });
    const folder = path.join(dir, key.slice(0, 2));
    expect(readdirSync(folder)).toEqual([`${key}.json`]);
    writeFileSync(path.join(folder, `${key}.json`), '{"version":1,"key":"');
    expect(await cache.get(key)).toBeNull();
  });
});
