import { describe, expect, it } from 'vitest';
import { locateContainerEnd, locateValues } from './json-spans.ts';

/** Strings whose quotes and backslashes a scanner can get wrong. */
const TRICKY_STRINGS = [
  '',
  'plain',
  'ends in a backslash \\',
  '\\\\',
  'quote " inside',
  'backslash then quote \\"',
  '\\\\\\"',
  'caf\u00e9 🚀 \u2028',
  '"',
  '{"nested": ["not", "structure"]}',
];

describe('locateValues', () => {
  it.each(TRICKY_STRINGS.map((text) => [JSON.stringify(text), text]))(
    'finds the value after the string %s exactly',
    (_label, text) => {
      const source = `{"a": ${JSON.stringify(text)}, "b" : [1, {"c": ${JSON.stringify(text)}}, 2.50], "d": "after"}`;
      const spans = locateValues(source, [['a'], ['b', 1, 'c'], ['d']]);
      for (const [key, expected] of [
        ['a', text],
        ['b.1.c', text],
        ['d', 'after'],
      ] as const) {
        const [start, end] = spans.get(key)!;
        expect(JSON.parse(source.slice(start, end))).toBe(expected);
      }
    },
  );

  it('finds keys that carry escapes', () => {
    const source = '{"k\\"ey": 1, "caf\\u00e9": {"x": "y"}}';
    const [start, end] = locateValues(source, [['café', 'x']]).get('café.x')!;
    expect(source.slice(start, end)).toBe('"y"');
  });

  it('names an unterminated string', () => {
    expect(() => locateValues('{"a": "no end', [['a']])).toThrow(/unterminated string/);
  });
});

describe('locateContainerEnd', () => {
  it('points just past the last element, before the whitespace that closes the container', () => {
    const source = '{"tools": [ {"n": 1} ,  "x\\"]"  \n ], "m": []}';
    expect(locateContainerEnd(source, ['tools'])).toEqual({
      at: source.indexOf('"  \n ]') + 1,
      empty: false,
      object: false,
    });
    expect(locateContainerEnd(source, ['m'])).toEqual({ at: source.lastIndexOf('[]') + 1, empty: true, object: false });
    expect(locateContainerEnd(source, ['absent'])).toBeNull();
  });
});
