import { describe, expect, it } from 'vitest';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { jsonCompressor } from './json-compressor.ts';
import { jsonMinify } from './json-minify.ts';
import { safeParseJson } from './safe-parse.ts';

const ruler = createTokenRuler('o200k_base');
const context = { profile: 'lossless' as const, ruler, conversation: '' };

describe('json-minify rewrites only whitespace', () => {
  it('compacts pretty JSON to the same values', () => {
    const text = JSON.stringify({ a: [1, 2, { b: 'c d' }], e: null }, null, 2);
    expect(jsonMinify.compress({ text, kind: 'json' }, context)).toEqual({
      text: '{"a":[1,2,{"b":"c d"}],"e":null}',
      lossy: false,
      dropped: [],
    });
  });

  it('passes compact JSON and non-JSON through', () => {
    expect(jsonMinify.compress({ text: '{"a":1}', kind: 'json' }, context)).toBeNull();
    expect(jsonMinify.compress({ text: 'not json {', kind: 'json' }, context)).toBeNull();
  });

  it('passes numbers a double would change, in both JSON compressors', () => {
    for (const literal of ['12345678901234567890', '1e400', '1e-400', '-0', '-0.0', '12345678.123456789']) {
      const text = `{\n  "id": ${literal}\n}`;
      expect(safeParseJson(text).ok).toBe(false);
      expect(jsonMinify.compress({ text, kind: 'json' }, context)).toBeNull();
      expect(jsonCompressor.compress({ text, kind: 'json' }, context)).toBeNull();
    }
    expect(safeParseJson('{"score": 0.9349999999999999, "n": 1.50, "s": "12345678901234567890"}').ok).toBe(true);
  });
});
