import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { queryOriginal } from '../../retrieve/query-original.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { Profile } from '../../types.ts';
import { jsonCompressor } from './json-compressor.ts';
import { OMITTED_KEY } from './sample-value.ts';

// A real document whose bulk is an object used as a collection: npm's lockfile, `packages` keyed by install path.
const lockText = readFileSync(path.join(environment.projectRoot, 'package-lock.json'), 'utf8');
const lock = JSON.parse(lockText) as { packages: Record<string, { version?: string }> };
const keys = Object.keys(lock.packages);
const ruler = createTokenRuler('o200k_base');

function compress(profile: Profile, conversation = '') {
  return jsonCompressor.compress({ text: lockText, kind: 'json' }, { profile, ruler, conversation });
}

describe('the json compressor on a keyed collection (package-lock.json `packages`)', () => {
  it('samples its entries in order under one marker that counts what it left out', () => {
    expect(keys.length).toBeGreaterThan(60);
    const result = compress('balanced');
    expect(result?.lossy).toBe(true);
    if (!result) return;
    expect(result.dropped).toEqual([{ ref: contentRef(lockText), original: lockText }]);
    expect(ruler.count(result.text)).toBeLessThan(ruler.count(lockText) / 3);
    const marker = findMarkers(result.text).find((m) => /entries omitted/.test(m.description));
    expect(marker?.ref).toBe(contentRef(lockText));
    const [, omitted, total] = /^(\d+) of (\d+) entries omitted/.exec(marker?.description ?? '') ?? [];
    expect(Number(total)).toBe(keys.length);
    const shown = keys.filter((key) => result.text.includes(`${JSON.stringify(key)}:{`));
    expect(shown.length + Number(omitted)).toBe(keys.length);
    // First and last entries stay, and the marker sits under its own key after them.
    expect(shown[0]).toBe(keys[0]);
    expect(shown[shown.length - 1]).toBe(keys[keys.length - 1]);
    expect(result.text).toContain(JSON.stringify(OMITTED_KEY));
  });

  it('keeps an entry the conversation names, and retrieval by query finds a dropped one', () => {
    const plain = compress('balanced');
    const dropped = keys.find((key) => key.includes('/') && !plain?.text.includes(`${JSON.stringify(key)}:{`));
    expect(dropped).toBeDefined();
    if (dropped === undefined) return;
    const told = compress('balanced', `Which version of ${dropped} is installed?`);
    expect(told?.text).toContain(`${JSON.stringify(dropped)}:{`);
    const answer = queryOriginal(lockText, dropped);
    expect(answer.matched.unit).toBe('items');
    expect(answer.matched.total).toBe(keys.length);
    expect(answer.text).toContain(`${JSON.stringify(dropped)}:${JSON.stringify(lock.packages[dropped])}`);
  });

  it('keeps every entry in the lossless profile', () => {
    const result = compress('lossless');
    for (const key of keys) expect(result?.text ?? lockText).toContain(JSON.stringify(key));
    expect(result === null || !result.lossy).toBe(true);
  });
});
