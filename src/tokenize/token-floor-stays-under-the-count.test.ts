import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../suites/headroom/seeded-random.ts';
import { headroomSuite, localSuite, specSuites, type NamedSuiteBuild } from '../testkit/invariants/invariant-suites.ts';
import { suiteBlocks } from '../testkit/invariants/suite-blocks.ts';
import { tokenFloor } from './token-floor.ts';
import { createTokenRuler } from './token-ruler.ts';
import { tokenSize } from './token-size.ts';

const o200k = createTokenRuler('o200k_base');
const cl100k = createTokenRuler('cl100k_base');

/** Pieces that sit on the edges of both encodings' split patterns. */
const PIECES = [
  'a',
  'Zebra',
  'it',
  "'s",
  "'",
  "''",
  'é',
  'e\u0301',
  '\u0301',
  'ß',
  'Ωmega',
  '日本語',
  '𝒳',
  '😀',
  '👍🏽',
  '0',
  '12',
  '1234567',
  '٣',
  '²',
  '½',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\n\n  ',
  '\u00a0',
  '\u3000',
  '\u2028',
  '.',
  ',',
  '"',
  '{',
  '}',
  '[',
  ']',
  ':',
  '/',
  '//',
  '\n/',
  '->',
  '...',
  '#',
  '\\',
  '-',
  '_',
  '$',
  '@',
  '\ud800',
  '\udc00',
];

function fuzzText(seed: number): string {
  const rng = createSeededRandom(seed, 'token-floor');
  const parts: string[] = [];
  const length = rng.int(1, 60);
  for (let i = 0; i < length; i++) parts.push(PIECES[rng.int(0, PIECES.length - 1)] ?? '');
  return parts.join('');
}

describe('token floor', () => {
  it("never exceeds either encoding on 20,000 seeded strings built from the split patterns' edge cases", () => {
    const over: string[] = [];
    for (let seed = 0; seed < 20_000; seed++) {
      const text = fuzzText(seed);
      const floor = tokenFloor(text);
      if (floor > o200k.count(text) || floor > cl100k.count(text)) over.push(JSON.stringify(text));
    }
    expect(over).toEqual([]);
  });

  it('counts what must be distinct pre-tokens in small cases', () => {
    expect(tokenFloor('')).toBe(0);
    expect(tokenFloor('hello world')).toBe(2);
    expect(tokenFloor('1234567')).toBe(3);
    // `{"` `id` `":` `12` `}`: the space may lead the digits' pre-token or stand alone, so it is not counted.
    expect(tokenFloor('{"id": 12}')).toBe(5);
    expect(o200k.count('{"id": 12}')).toBe(6);
  });

  it('stays under both encodings on every block of every suite, and within reach of them', async () => {
    const suites: NamedSuiteBuild[] = [headroomSuite(), await localSuite(), ...(await specSuites())];
    let floors = 0,
      counts = 0,
      blocks = 0;
    const over: string[] = [];
    for (const { name, build } of suites) {
      if (build.state !== 'ready') continue;
      for (const block of suiteBlocks(name, build.traces)) {
        const floor = tokenFloor(block.text);
        const count = o200k.count(block.text);
        if (floor > count || floor > cl100k.count(block.text)) over.push(`${block.suite}/${block.trace}/${block.path}`);
        floors += floor;
        counts += count;
        blocks++;
      }
    }
    expect(over).toEqual([]);
    expect(blocks).toBeGreaterThan(100);
    // A floor far under the count would send every decision to the exact count: keep it useful.
    expect(floors / counts).toBeGreaterThan(0.7);
  }, 300_000);

  it("read piece by piece, reaches no number beyond either count on any block of any suite, and reaches the whole floor's", async () => {
    const suites: NamedSuiteBuild[] = [headroomSuite(), await localSuite(), ...(await specSuites())];
    const wrong: string[] = [];
    let pieced = 0;
    for (const { name, build } of suites) {
      if (build.state !== 'ready') continue;
      for (const block of suiteBlocks(name, build.traces)) {
        const count = Math.min(o200k.count(block.text), cl100k.count(block.text));
        // The highest number the pieces reach is their summed floor: it must stay under both counts.
        const size = tokenSize(block.text, o200k);
        if (size.floorReaches(count + 1)) wrong.push(`over: ${block.suite}/${block.trace}/${block.path}`);
        // And they lose next to nothing against one pass over the whole text.
        const whole = tokenFloor(block.text);
        if (!tokenSize(block.text, o200k).floorReaches(Math.floor(0.98 * whole)))
          wrong.push(`short: ${block.suite}/${block.trace}/${block.path}`);
        if (block.text.length > 20_000) pieced++;
      }
    }
    expect(wrong).toEqual([]);
    expect(pieced).toBeGreaterThan(20);
  }, 300_000);
});
