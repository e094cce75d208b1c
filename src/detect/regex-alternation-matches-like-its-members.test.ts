import { describe, expect, it } from 'vitest';
import { anchoredAtStart, anyOf } from './regex-alternation.ts';

describe('anyOf matches exactly when one of its regexes does', () => {
  const regexes = [/^\s*def \w+/, /^\s{2,}x/, /;\s*$/, /^\s*\/\/|^\s*\*/, /^package \w+$/, /\bself\./];
  const lines = [
    'def f',
    '    def g(x):',
    '  x',
    'x;',
    '  // note',
    ' * star',
    'package main',
    'self.x = 1',
    '',
    '   ',
    'plain words',
    '\tdef',
    'package a b',
  ];
  it('on lines that match one, several or none', () => {
    const any = anyOf(regexes);
    for (const line of lines) expect(any(line)).toBe(regexes.some((regex) => regex.test(line)));
  });
  it('tells anchored regexes from those with a top-level alternative', () => {
    expect(anchoredAtStart(String.raw`^\s*(?:a|b)`)).toBe(true);
    expect(anchoredAtStart(String.raw`^a|^b`)).toBe(false);
    expect(anchoredAtStart(String.raw`^[|]a`)).toBe(true);
    expect(anchoredAtStart(String.raw`a`)).toBe(false);
  });
  it('refuses flagged regexes', () => {
    expect(() => anyOf([/a/i])).toThrow();
  });
});
