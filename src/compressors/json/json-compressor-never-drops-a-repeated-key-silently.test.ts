import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/create-engine.ts';
import { decideText } from '../../engine/compress-text.ts';
import { findMarkers } from '../../store/marker.ts';
import { createMemoryStore } from '../../store/memory-store.ts';
import { safeParseJson } from './safe-parse.ts';

// The reported input: every row repeats "status", and JSON.parse keeps only the last value.
const rows = `[${Array.from({ length: 300 }, (_, i) => `{"status":"ok","status":"FAILED-${i}","id":${i}}`).join(',')}]`;

describe('JSON with a repeated key (issue 18: under lossless the first values vanished with lossy:false and no marker)', () => {
  it('is not faithfully JSON to the parser the compressors use', () => {
    expect(safeParseJson('{"status":"ok","status":"FAILED-1"}')).toEqual({
      ok: false,
      error: 'an object repeats a key',
    });
    expect(safeParseJson('{"a:b":"c:d","e":[{"f":"\\":"}]}').ok).toBe(true);
  });

  for (const profile of ['lossless', 'balanced', 'aggressive'] as const) {
    it(`${profile}: keeps every value of the text, or marks what it dropped`, async () => {
      const store = createMemoryStore();
      const setup = await createEngine({ profile, store });
      const outcome = await decideText(rows, setup);
      if (outcome.state !== 'compressed') return;
      const markers = findMarkers(outcome.text);
      if (!outcome.lossy) {
        expect(markers).toEqual([]);
        for (const value of ['"ok"', '"FAILED-0"', '"FAILED-299"']) expect(outcome.text).toContain(value.slice(1, -1));
        return;
      }
      expect(markers.length).toBeGreaterThan(0);
      const originals = await Promise.all(markers.map((m) => store.get(m.ref)));
      expect(originals.some((o) => o.found && o.original === rows)).toBe(true);
    });
  }
});
