import { describe, expect, it } from 'vitest';
import { firstNonSpace, isBlank, isSpaceCode } from './whitespace.ts';

describe('the white-space helpers agree with trim() and \\s on every code unit', () => {
  it('isSpaceCode, isBlank and firstNonSpace', () => {
    const disagree: number[] = [];
    for (let c = 0; c <= 0xffff; c += 1) {
      const ch = String.fromCharCode(c);
      const trimmed = ch.trim().length === 0;
      if (isSpaceCode(c) !== trimmed || /\s/.test(ch) !== trimmed || isBlank(`${ch} ${ch}`) !== trimmed)
        disagree.push(c);
      if (firstNonSpace(` ${ch}x`) !== ` ${ch}x`.length - ` ${ch}x`.trimStart().length) disagree.push(c);
    }
    expect(disagree).toEqual([]);
  });
});
