import { describe, expect, it } from 'vitest';
import { requiredLiterals } from './regex-literals.ts';

describe('requiredLiterals names strings every match holds, or nothing', () => {
  it('reads runs of plain and escaped characters, one per alternative', () => {
    expect(requiredLiterals(String.raw`\bconsole\.\w+\(`)).toEqual(['console.']);
    expect(requiredLiterals('===|!==')).toEqual(['===', '!==']);
    expect(requiredLiterals(String.raw`\b\w+!\(`)).toEqual(['!(']);
  });
  it('leaves out optional, repeated and grouped parts', () => {
    expect(requiredLiterals(String.raw`^\s*impl(?:<[^>]*>)? `)).toEqual(['impl']);
    expect(requiredLiterals('abc?d')).toEqual(['ab']);
    expect(requiredLiterals('ab+c')).toEqual(['a']);
  });
  it('gives up where it cannot be sure', () => {
    expect(requiredLiterals(String.raw`\b(?:None|True|False)\b`)).toBeNull();
    expect(requiredLiterals(String.raw`\x41bc`)).toBeNull();
    expect(requiredLiterals('a|')).toBeNull();
  });
  it('never names a literal that a matching line lacks', () => {
    const sources = [
      String.raw`\.unwrap\(\)|Option<|Result<|Vec<|String::`,
      String.raw`#include [<"][\w/]+\.h[>"]`,
      String.raw`\): \w+(?:<[^>]*>)?(?:\[\])? \{?$`,
    ];
    const lines = [
      'let x = y.unwrap();',
      'fn f() -> Option<u8> {',
      '#include "a/b.h"',
      'f(): Promise<void> {',
      'x: string[] {',
    ];
    for (const source of sources) {
      const literals = requiredLiterals(source) ?? [];
      for (const line of lines)
        if (new RegExp(source).test(line)) expect(literals.some((literal) => line.includes(literal))).toBe(true);
    }
  });
});
