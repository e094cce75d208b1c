import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../suites/headroom/seeded-random.ts';
import { headroomSuite, localSuite, specSuites, type NamedSuiteBuild } from '../testkit/invariants/invariant-suites.ts';
import { suiteBlocks } from '../testkit/invariants/suite-blocks.ts';
import { changedSegments, countSegments, segmentsOf } from './token-segments.ts';
import { createTokenRuler } from './token-ruler.ts';

const rulers = [createTokenRuler('o200k_base'), createTokenRuler('cl100k_base')];

/** Pieces around line starts: newlines of both kinds, the white space and slashes that may cross one, words, punctuation. */
const PIECES = [
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  ' ',
  '  ',
  '\t',
  '\v',
  '\f',
  '\u00a0',
  '\u2028',
  '/',
  '//',
  '.',
  '.\n',
  ',',
  '{',
  '}',
  '"',
  "'s",
  'it',
  'Foo',
  'bar_baz',
  '12',
  '1234',
  'é',
  '日本',
  '😀',
  '#',
  '-',
  '*/',
  '<|endoftext|>',
];

function fuzzText(seed: number): string {
  const rng = createSeededRandom(seed, 'token-segments');
  let text = '';
  const length = rng.int(1, 50);
  for (let i = 0; i < length; i++) text += PIECES[rng.int(0, PIECES.length - 1)] ?? '';
  return text;
}

describe('token segments', () => {
  it('join back to the text, and their counts add up to its count in both encodings, on 20,000 seeded strings', () => {
    const off: string[] = [];
    for (let seed = 0; seed < 20_000; seed++) {
      const text = fuzzText(seed);
      const segments = segmentsOf(text);
      expect(segments.join('')).toBe(text);
      for (const ruler of rulers) {
        const sum = segments.reduce((total, segment) => total + ruler.count(segment), 0);
        if (sum !== ruler.count(text) || countSegments(segments, ruler) !== sum)
          off.push(`${ruler.name} ${JSON.stringify(text)}`);
      }
    }
    expect(off).toEqual([]);
  });

  it('add up on every block of every suite, and cut real blocks into many segments', async () => {
    const suites: NamedSuiteBuild[] = [headroomSuite(), await localSuite(), ...(await specSuites())];
    const off: string[] = [];
    let segments = 0,
      blocks = 0;
    for (const { name, build } of suites) {
      if (build.state !== 'ready') continue;
      for (const block of suiteBlocks(name, build.traces)) {
        const parts = segmentsOf(block.text);
        segments += parts.length;
        blocks++;
        for (const ruler of rulers)
          if (countSegments(parts, ruler) !== ruler.count(block.text))
            off.push(`${ruler.name} ${block.suite}/${block.trace}/${block.path}`);
      }
    }
    expect(off).toEqual([]);
    expect(segments).toBeGreaterThan(10 * blocks);
  }, 300_000);

  it('tell the exact count difference of two versions of a real text from the lines they do not share', async () => {
    const { build } = await localSuite();
    if (build.state !== 'ready') throw new Error(`the local suite is missing: ${build.reason}`);
    const texts = suiteBlocks('local', build.traces)
      .map((b) => b.text)
      .filter((t) => t.split('\n').length > 40)
      .slice(0, 40);
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) {
      const lines = text.split('\n');
      // Another version: every fifth line gone, a note added in the middle.
      const edited = [
        ...lines.filter((_, i) => i % 5 !== 2).slice(0, 20),
        '(12 lines omitted)',
        ...lines.filter((_, i) => i % 5 !== 2).slice(20),
      ].join('\n');
      const change = changedSegments(text, edited);
      for (const ruler of rulers) {
        expect(countSegments(change.added, ruler) - countSegments(change.removed, ruler)).toBe(
          ruler.count(edited) - ruler.count(text),
        );
      }
      expect(change.changedChars).toBeLessThan(text.length);
    }
  });
});
