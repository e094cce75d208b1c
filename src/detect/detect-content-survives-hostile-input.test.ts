import { describe, expect, it } from 'vitest';
import { CONTENT_KINDS } from '../types.ts';
import { detectContent } from './detect-content.ts';

describe('detectContent returns some kind for hostile input and never throws', () => {
  it('calls binary-looking bytes text', () => {
    const bytes = Array.from({ length: 5_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    expect(detectContent(bytes).kind).toBe('text');
  });

  it('judges a 50 MB single line from its sample', () => {
    const line = 'x'.repeat(50 * 1024 * 1024);
    expect(CONTENT_KINDS).toContain(detectContent(line).kind);
  });

  it('validates 10,000-level nested JSON without recursion', () => {
    const nested = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    expect(detectContent(nested).kind).toBe('json');
    expect(detectContent(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`).kind).toBe('json');
  });

  it('answers text for empty and whitespace-only blocks', () => {
    expect(detectContent('')).toEqual({ kind: 'text' });
    expect(detectContent(' \n\t\n')).toEqual({ kind: 'text' });
  });

  it('handles unclosed fences, wrappers and lone surrogates', () => {
    for (const text of [
      '```python\ndef f():\n',
      '<output>\nno end',
      '\ud800\udfff\ud800 broken',
      '<output></output>',
    ]) {
      expect(CONTENT_KINDS).toContain(detectContent(text).kind);
    }
  });
});
