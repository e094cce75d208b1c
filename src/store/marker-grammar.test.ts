import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentRef, findMarkers, formatMarker, isRef, MARKER_PATTERN, sanitizeDescription } from './marker.ts';

describe('marker grammar', () => {
  it('hashes the UTF-8 bytes: first 16 hex chars of sha256', () => {
    const original = 'café 🚀\r\n';
    const expected = createHash('sha256').update(Buffer.from(original, 'utf8')).digest('hex').slice(0, 16);
    expect(contentRef(original)).toBe(expected);
    expect(contentRef('')).toBe('e3b0c44298fc1c14');
    expect(isRef(contentRef(original))).toBe(true);
  });

  it('formats [[terse:<ref> <description>]] and finds it back with offsets', () => {
    const ref = contentRef('100 rows');
    const marker = formatMarker(ref, '85 of 100 rows omitted');
    expect(marker).toBe(`[[terse:${ref} 85 of 100 rows omitted]]`);
    const text = `before ${marker} after ${marker}`;
    const found = findMarkers(text);
    expect(found).toEqual([
      { ref, description: '85 of 100 rows omitted', start: 7, end: 7 + marker.length },
      { ref, description: '85 of 100 rows omitted', start: 14 + marker.length, end: 14 + 2 * marker.length },
    ]);
    expect(MARKER_PATTERN.flags).toBe('');
  });

  it('sanitises descriptions so every formatted marker matches the grammar', () => {
    const ref = contentRef('x');
    for (const description of ['rows [3]] dropped', 'résumé 🚀 ok', '  spaced\n\tout  ', '', ']]', 'x'.repeat(500)]) {
      const marker = formatMarker(ref, description);
      expect(/^[\x20-\x7e]+$/.test(marker)).toBe(true);
      expect(findMarkers(marker)).toEqual([
        { ref, description: sanitizeDescription(description), start: 0, end: marker.length },
      ]);
    }
    expect(sanitizeDescription('rows [3]] dropped')).toBe('rows (3)) dropped');
    expect(sanitizeDescription('résumé 🚀')).toBe('r?sum? ?');
    expect(sanitizeDescription('  ')).toBe('content omitted');
  });

  it('refuses to format a ref that is not 16 lowercase hex digits', () => {
    expect(() => formatMarker('0123456789ABCDEF', 'x')).toThrow(RangeError);
    expect(() => formatMarker('abc', 'x')).toThrow(/abc/);
  });

  it('matches the grammar exactly and nothing near it', () => {
    const nearMisses = [
      '[[terse:0123456789abcde x]]', // 15 hex digits
      '[[terse:0123456789abcdef0 x]]', // 17 hex digits
      '[[terse:0123456789ABCDEF x]]', // upper case
      '[[terse:0123456789abcdef]]', // no description
      '[[terse:0123456789abcdef  x]]', // description starts with a space
      '[[terse:0123456789abcdef x ]]', // description ends with a space
      '[[terse:0123456789abcdef a]b]]', // bracket inside
      '[[terse:0123456789abcdef é]]', // not ASCII
      `[[terse:0123456789abcdef ${'x'.repeat(201)}]]`, // too long
      '[terse:0123456789abcdef x]',
    ];
    for (const text of nearMisses) expect(findMarkers(text), text).toEqual([]);
    expect(findMarkers(`[[terse:0123456789abcdef ${'x'.repeat(200)}]]`)).toHaveLength(1);
  });
});
