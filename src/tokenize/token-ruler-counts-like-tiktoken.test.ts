import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { encode as encodeO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { encode as encodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { createTokenRuler } from './token-ruler.ts';

const require = createRequire(import.meta.url);
// Real text nobody here wrote: a README that npm installed.
const realText = readFileSync(path.join(path.dirname(require.resolve('commander')), 'Readme.md'), 'utf8');

describe('token ruler', () => {
  it('counts o200k_base exactly as the encoder does', () => {
    const ruler = createTokenRuler('o200k_base');
    expect(ruler.count(realText)).toBe(encodeO200k(realText).length);
    expect(ruler.name).toBe('o200k_base');
  });

  it('counts cl100k_base on request, and the two encodings differ on real text', () => {
    const cl = createTokenRuler('cl100k_base');
    const o = createTokenRuler('o200k_base');
    expect(cl.count(realText)).toBe(encodeCl100k(realText).length);
    expect(cl.count(realText)).not.toBe(o.count(realText));
  });

  it('counts special-token text as plain text instead of throwing', () => {
    const ruler = createTokenRuler('o200k_base');
    const text = 'before <|endoftext|> middle <|im_start|> after';
    expect(() => encodeO200k(text)).toThrow();
    const plain = encodeO200k(text, { disallowedSpecial: new Set() });
    expect(ruler.count(text)).toBe(plain.length);
    expect(ruler.count(text)).toBeGreaterThan(8);
  });

  it('gives identical blocks the same count from its cache, and empty text zero', () => {
    const ruler = createTokenRuler('o200k_base', { cacheEntries: 2 });
    const first = ruler.count(realText);
    expect(ruler.count(`${realText}`)).toBe(first);
    ruler.count('a');
    ruler.count('b');
    ruler.count('c'); // the cache fills and is dropped whole: counts stay right
    expect(ruler.count(realText)).toBe(first);
    expect(ruler.count('')).toBe(0);
  });
});

describe('token ruler on hostile input', () => {
  it('counts a 200 KB run of one letter by slices instead of stalling, close to the exact count', () => {
    const ruler = createTokenRuler('o200k_base');
    const run = 'x'.repeat(200_000);
    const counted = ruler.count(`start ${run} end`);
    // The exact BPE count of 2,048 letters, scaled: slicing changes only the merges at slice edges.
    const exactPerChar = encodeO200k('x'.repeat(2048)).length / 2048;
    expect(Math.abs(counted - exactPerChar * 200_000) / (exactPerChar * 200_000)).toBeLessThan(0.05);
  });

  it('counts text without such runs exactly, whatever its length', () => {
    const ruler = createTokenRuler('o200k_base');
    const long = realText.repeat(20);
    expect(ruler.count(long)).toBe(encodeO200k(long).length);
  });
});

describe('token ruler slices of long runs', () => {
  it('never splits a surrogate pair, so a run of emoji counts no more tokens than its UTF-8 bytes', () => {
    const ruler = createTokenRuler('o200k_base');
    const run = `a${'\u{1F600}'.repeat(3000)}`; // an odd start puts every 256-unit cut inside a pair
    expect(ruler.count(run)).toBeLessThanOrEqual(Buffer.byteLength(run, 'utf8'));
  });
});
