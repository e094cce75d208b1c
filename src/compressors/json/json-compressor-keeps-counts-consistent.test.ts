import { describe, expect, it } from 'vitest';
import { findMarkers } from '../../store/marker.ts';
import { inRanges, statedPositions } from '../../retrieve/position-range.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { decodeColumnar } from './columnar-format.ts';
import { jsonCompressor } from './json-compressor.ts';
import { SAMPLING_PLANS } from './sample-value.ts';

const ruler = createTokenRuler('o200k_base');

describe('json compressor keeps counts consistent', () => {
  const results = Array.from({ length: 100 }, (_, index) => ({
    id: `doc-${index}`,
    title: `Result number ${index} about caching`,
    score: Number((1 - index / 200).toFixed(3)),
  }));
  const text = JSON.stringify({ results, total: 120 }, null, 2);

  it('balanced: the header, the marker and the kept rows agree, and total stays 120', () => {
    const output = jsonCompressor.compress({ text, kind: 'json' }, { profile: 'balanced', ruler, conversation: '' });
    const decoded = decodeColumnar(output?.text ?? '');
    const value = (decoded.ok ? decoded.value : {}) as { results: { id: string }[]; total: number };
    expect(value.total).toBe(120);
    const kept = value.results.length;
    expect(output?.text).toContain(`: ${kept} of 100 rows kept; columns: id, title, score`);
    const markers = findMarkers(output?.text ?? '');
    expect(markers.map((marker) => marker.description)).toEqual([
      expect.stringMatching(new RegExp(`^${100 - kept} of 100 rows omitted \\(items [^)]+\\); retrieve with query$`)),
    ]);
    // Every row not kept lies in the positions the marker states, as `terse_retrieve` `items` reads them;
    // the ranges listed one by one (before any `+N more within` span) hold no kept row.
    const description = markers[0]?.description ?? '';
    const stated = statedPositions(description).items;
    const listed = statedPositions(description.replace(/, \+\d+ more within \d+-\d+/, '')).items;
    const keptIds = new Set(value.results.map((row) => row.id));
    for (const [index, row] of results.entries()) {
      if (!keptIds.has(row.id)) expect(inRanges(index, stated)).toBe(true);
      else expect(inRanges(index, listed)).toBe(false);
    }
  });

  it('short arrays stay whole: no marker, and the output is lossless', () => {
    const short = JSON.stringify({ results: results.slice(0, SAMPLING_PLANS.balanced.keepWhole), total: 120 }, null, 2);
    const output = jsonCompressor.compress(
      { text: short, kind: 'json' },
      { profile: 'balanced', ruler, conversation: '' },
    );
    expect(output?.lossy).toBe(false);
    const decoded = decodeColumnar(output?.text ?? '');
    expect(decoded.ok && decoded.value).toEqual(JSON.parse(short));
  });

  it('a nested array sampled inside a table cell keeps its marker in its own row', () => {
    const groups = ['alpha', 'beta', 'gamma'].map((name) => ({ name, owner: 'platform-team', hits: results }));
    const nested = JSON.stringify({ groups }, null, 2);
    const output = jsonCompressor.compress(
      { text: nested, kind: 'json' },
      { profile: 'balanced', ruler, conversation: '' },
    );
    const rows = (output?.text ?? '').split('\n').filter((line) => line.startsWith('"'));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(findMarkers(row)).toHaveLength(1);
    expect(findMarkers(output?.text.split('\n').find((line) => line.startsWith('# values: ')) ?? '')).toEqual([]);
  });
});
