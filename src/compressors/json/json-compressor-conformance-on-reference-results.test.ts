import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { contentRef, findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { Profile } from '../../types.ts';
import { decodeColumnar } from './columnar-format.ts';
import { jsonCompressor } from './json-compressor.ts';
import { readReferenceToolResults, referenceDir } from '../../testkit/json/reference-tool-results.ts';

const ruler = createTokenRuler('o200k_base');
const profiles: Profile[] = ['lossless', 'balanced', 'aggressive'];

describe.skipIf(!existsSync(referenceDir))('json compressor on the reference tool results', () => {
  const results = readReferenceToolResults();

  it('finds the reference tool results', () => {
    expect(results.length).toBeGreaterThanOrEqual(28);
  });

  for (const profile of profiles) {
    it(`${profile}: never larger, deterministic, idempotent, markers resolve to the exact input`, () => {
      for (const result of results) {
        const context = { profile, ruler, conversation: result.conversation };
        const input = { text: result.text, kind: 'json' as const };
        const first = jsonCompressor.compress(input, context);
        expect(first, result.name).not.toBeNull();
        if (first === null) continue;
        expect(ruler.count(first.text), result.name).toBeLessThan(ruler.count(result.text));
        expect(jsonCompressor.compress(input, context)).toEqual(first);
        const again = jsonCompressor.compress({ text: first.text, kind: 'json' }, context);
        expect(again === null || again.text === first.text, result.name).toBe(true);
        const markers = findMarkers(first.text);
        expect(first.lossy).toBe(markers.length > 0);
        for (const marker of markers) {
          const dropped = first.dropped.find((entry) => entry.ref === marker.ref);
          expect(dropped?.original, result.name).toBe(result.text);
          expect(marker.ref).toBe(contentRef(result.text));
        }
      }
    });
  }

  it('lossless: no markers, and the output decodes to the same values', () => {
    for (const result of results) {
      const output = jsonCompressor.compress(
        { text: result.text, kind: 'json' },
        { profile: 'lossless', ruler, conversation: '' },
      );
      expect(output?.lossy).toBe(false);
      expect(output?.dropped).toEqual([]);
      expect(findMarkers(output?.text ?? '')).toEqual([]);
      const decoded = decodeColumnar(output?.text ?? '');
      expect(decoded.ok && decoded.value, result.name).toEqual(JSON.parse(result.text));
    }
  });
});
