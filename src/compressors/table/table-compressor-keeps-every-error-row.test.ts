import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { environment } from '../../config.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { Profile } from '../../types.ts';
import { tableCompressor } from './table-compressor.ts';

const ruler = createTokenRuler('o200k_base');
const nabData = path.join(environment.sharedDir, 'corpus', 'nab-metrics', 'data');
const lossy: Profile[] = ['balanced', 'aggressive'];

/** Checks the invariants every lossy table output keeps, and returns the kept data rows. */
function checkSampled(input: string, output: string, headerLines: number): string[] {
  const inputLines = input.split('\n');
  const outputLines = output.split('\n');
  expect(outputLines.slice(0, headerLines)).toEqual(inputLines.slice(0, headerLines));
  const markers = findMarkers(output);
  expect(markers).toHaveLength(1);
  expect(markers[0]?.ref).toBe(contentRef(input));
  const kept = outputLines.filter((line, index) => index >= headerLines && line !== '' && !line.startsWith('[[terse:'));
  const dataRows = inputLines.slice(headerLines).filter((line) => line !== '');
  expect(markers[0]?.description).toBe(
    `${dataRows.length - kept.length} of ${dataRows.length} rows omitted; retrieve with query`,
  );
  // Kept rows are original rows, in their original order.
  let cursor = 0;
  for (const row of kept) {
    cursor = dataRows.indexOf(row, cursor) + 1;
    expect(cursor, row).toBeGreaterThan(0);
  }
  return kept;
}

describe.skipIf(!existsSync(nabData))('table compressor on the real NAB metric CSVs', () => {
  const files = !existsSync(nabData)
    ? []
    : readdirSync(nabData, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.csv'))
        .sort()
        .slice(0, 6);

  for (const profile of lossy) {
    it(`${profile}: smaller, deterministic, idempotent, header and first and last rows kept`, () => {
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const text = readFileSync(path.join(nabData, file), 'utf8');
        const context = { profile, ruler, conversation: '' };
        const output = tableCompressor.compress({ text, kind: 'table' }, context);
        expect(output, file).not.toBeNull();
        if (output === null) continue;
        expect(ruler.count(output.text)).toBeLessThan(ruler.count(text));
        expect(tableCompressor.compress({ text, kind: 'table' }, context)).toEqual(output);
        expect(tableCompressor.compress({ text: output.text, kind: 'table' }, context)).toBeNull();
        expect(output.dropped).toEqual([{ ref: contentRef(text), original: text }]);
        const kept = checkSampled(text, output.text, 1);
        const rows = text
          .split('\n')
          .slice(1)
          .filter((line) => line !== '');
        expect(kept[0]).toBe(rows[0]);
        expect(kept[kept.length - 1]).toBe(rows[rows.length - 1]);
      }
    });
  }

  it('lossless: a CSV has no padding to trim, so it passes', () => {
    const text = readFileSync(path.join(nabData, files[0] as string), 'utf8');
    expect(
      tableCompressor.compress({ text, kind: 'table' }, { profile: 'lossless', ruler, conversation: '' }),
    ).toBeNull();
  });
});

describe('table compressor keeps every error row', () => {
  const rows = Array.from({ length: 120 }, (_, index) => {
    const status = index === 67 ? 'FATAL' : index % 40 === 13 ? 'ERROR' : 'OK';
    return `job-${1000 + index}\t${status}\t${index === 67 ? 'disk full' : 'done'}\t${50 + (index % 9)}`;
  });
  const tsv = ['job\tstatus\tnote\tduration_ms', ...rows].join('\n');

  for (const profile of lossy) {
    it(`${profile}: the FATAL, the ERRORs and the job the user named all stay`, () => {
      const output = tableCompressor.compress(
        { text: tsv, kind: 'table' },
        { profile, ruler, conversation: 'what happened to job-1100?' },
      );
      const kept = checkSampled(tsv, output?.text ?? '', 1);
      for (const index of [13, 53, 67, 93, 100]) expect(kept).toContain(rows[index]);
      expect(kept.length).toBeLessThan(profile === 'balanced' ? 25 : 12);
    });
  }

  it('samples a markdown table under its header and alignment rule', () => {
    const markdown = [
      'Results:',
      '',
      '| job | status |',
      '|:-----|------:|',
      ...rows.map((row) => `| ${row.split('\t').slice(0, 2).join(' | ')} |`),
      '',
      'End.',
    ].join('\n');
    const output = tableCompressor.compress(
      { text: markdown, kind: 'table' },
      { profile: 'aggressive', ruler, conversation: '' },
    );
    const lines = output?.text.split('\n') ?? [];
    expect(lines.slice(0, 4)).toEqual(['Results:', '', '|job|status|', '|:---|---:|']);
    expect(lines).toContain('|job-1067|FATAL|');
    expect(lines.slice(-2)).toEqual(['', 'End.']);
    expect(findMarkers(output?.text ?? '')).toHaveLength(1);
  });
});
