import { describe, expect, it } from 'vitest';
import { encode as encodeO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { createTokenRuler } from './token-ruler.ts';
import { findLongRuns, MIN_RUN } from './long-runs.ts';
import { tokenFloor } from './token-floor.ts';

/** What the ruler must answer for a run of `n` copies of `unit` counted in 256-unit slices. */
function slicedCount(unit: string, n: number): number {
  const perSlice = 256 / unit.length;
  const whole = Math.floor(n / perSlice);
  const rest = n - whole * perSlice;
  return whole * encodeO200k(unit.repeat(perSlice)).length + (rest > 0 ? encodeO200k(unit.repeat(rest)).length : 0);
}

describe('token ruler on long runs of every class (issue 18: 500k newlines took 189 s, 6 MB of letters overflowed the stack)', () => {
  it('counts 500k newlines in slices, not as one quadratic pre-token', () => {
    const ruler = createTokenRuler('o200k_base');
    expect(ruler.count('\n'.repeat(500_000))).toBe(slicedCount('\n', 500_000));
  });

  it('counts runs of NBSP, tabs, CRLF and spaces in slices too', () => {
    const ruler = createTokenRuler('o200k_base');
    for (const unit of ['\u00a0', '\t', '\r\n', ' ']) {
      expect(ruler.count(unit.repeat(80_000))).toBe(slicedCount(unit, 80_000));
    }
  });

  it('counts 6 MB of letters without a stack overflow, and never under the floor', () => {
    const ruler = createTokenRuler('o200k_base');
    const text = 'a'.repeat(6_000_000);
    const counted = ruler.count(text);
    expect(counted).toBe(slicedCount('a', 6_000_000));
    expect(counted).toBeGreaterThanOrEqual(tokenFloor(text));
  });

  it('finds the runs a text holds and none in ordinary text', () => {
    const text = `head words\n${' '.repeat(3000)}tail${'\u{1F600}'.repeat(1000)}end 123${'9'.repeat(5000)}`;
    const runs = findLongRuns(text);
    expect(runs.map((r) => text.slice(r.start, r.end))).toEqual([`\n${' '.repeat(3000)}`, '\u{1F600}'.repeat(1000)]);
    expect(findLongRuns('the quick brown fox\n'.repeat(5000))).toEqual([]);
    expect(findLongRuns('x'.repeat(MIN_RUN - 1))).toEqual([]);
    expect(findLongRuns(`.${'x'.repeat(MIN_RUN)}.`)).toEqual([{ start: 1, end: MIN_RUN + 1 }]);
  });

  it('keeps exact counts for text whose runs are all short', () => {
    const ruler = createTokenRuler('o200k_base');
    const text = `${'word '.repeat(2000)}\n${'-'.repeat(1000)}\n${' '.repeat(1000)}x`;
    expect(ruler.count(text)).toBe(encodeO200k(text).length);
  });
});
