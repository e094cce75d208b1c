import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { head, PYTHON_SRC } from '../../testkit/detect/real-head-output.ts';
import { scanJson } from '../../detect/json-shape.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { Profile } from '../../types.ts';
import { jsonCompressor } from './json-compressor.ts';
import { jsonMinify } from './json-minify.ts';

const ruler = createTokenRuler('o200k_base');
const contextFor = (profile: Profile) => ({ profile, ruler, conversation: '' });
const NODE_TYPES = path.join(PYTHON_SRC, 'node-types.json');
const GRAMMAR = path.join(PYTHON_SRC, 'grammar.json');

const CUTS = [
  { name: 'head -n 200 node-types.json', text: head('-n', '200', NODE_TYPES) },
  { name: 'head -c 4096 grammar.json', text: head('-c', '4096', GRAMMAR) },
  { name: 'head -n 400 grammar.json', text: head('-n', '400', GRAMMAR) },
];

describe('the json compressor on documents cut by head', () => {
  for (const { name, text } of CUTS) {
    for (const profile of ['balanced', 'aggressive'] as const) {
      it(`${name} (${profile}): smaller, marked as cut, its original behind the marker, deterministic and idempotent`, () => {
        const context = contextFor(profile);
        const result = jsonCompressor.compress({ text, kind: 'json' }, context);
        expect(result).not.toBeNull();
        if (result === null) return;
        expect(ruler.count(result.text)).toBeLessThan(ruler.count(text));
        expect(result.lossy).toBe(true);
        expect(result.dropped).toEqual([{ ref: contentRef(text), original: text }]);
        const cutMarkers = findMarkers(result.text).filter((marker) => marker.description.includes('not whole JSON'));
        expect(cutMarkers.map((marker) => marker.ref)).toEqual([contentRef(text)]);
        // Honest: the output does not pass for a complete JSON document.
        expect(() => JSON.parse(result.text) as unknown).toThrow();
        expect(jsonCompressor.compress({ text, kind: 'json' }, context)).toEqual(result);
        expect(jsonCompressor.compress({ text: result.text, kind: 'json' }, context)).toBeNull();
      });
    }
  }

  it('keeps every complete item of a cut node-types.json array, by type', () => {
    const text = CUTS[0]?.text ?? '';
    const result = jsonCompressor.compress({ text, kind: 'json' }, contextFor('balanced'));
    const scan = scanJson(text);
    const kept = JSON.parse(text.slice(0, scan.lastValueEnd) + scan.closersAtLastValue) as { type: string }[];
    expect(kept.length).toBeGreaterThanOrEqual(5);
    for (const item of kept) expect(result?.text).toContain(`"${item.type}"`);
  });

  it('keeps the unfinished rest of a document cut mid-token as it came', () => {
    const text = CUTS[1]?.text ?? '';
    const rest = text.slice(scanJson(text).lastValueEnd).replace(/^[ \t]*\r?\n/, '');
    expect(rest.trim().length).toBeGreaterThan(0);
    const result = jsonCompressor.compress({ text, kind: 'json' }, contextFor('balanced'));
    expect(result?.text.endsWith(`]]\n${rest}`)).toBe(true);
  });

  it('lossless: leaves a cut document to json-minify, which drops only whitespace and leaves it cut', () => {
    const text = CUTS[0]?.text ?? '';
    expect(jsonCompressor.compress({ text, kind: 'json' }, contextFor('lossless'))).toBeNull();
    const minified = jsonMinify.compress({ text, kind: 'json' }, contextFor('lossless'));
    expect(minified?.lossy).toBe(false);
    // The compact cut is the start of the compact whole file: nothing but whitespace went.
    const whole = JSON.stringify(JSON.parse(readFileSync(NODE_TYPES, 'utf8')) as unknown);
    expect(whole.startsWith(minified?.text ?? '-')).toBe(true);
    expect(minified?.text.length).toBeLessThan(whole.length);
    expect(jsonMinify.compress({ text: minified?.text ?? '', kind: 'json' }, contextFor('lossless'))).toBeNull();
  });
});
