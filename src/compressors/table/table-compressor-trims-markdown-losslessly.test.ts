import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { environment } from '../../config.ts';
import { findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { runCompressor } from '../../engine/run-compressor.ts';
import { tableCompressor } from './table-compressor.ts';

const ruler = createTokenRuler('o200k_base');
const readmes = [
  'picomatch/README.md',
  'peberminta/README.md',
  'std-env/README.md',
  '@duckdb/node-api/README.md',
  'tinybench/README.md',
]
  .map((name) => path.join(environment.projectRoot, 'node_modules', name))
  .filter((file) => existsSync(file));

/** The cells of every pipe row, alignment rules reduced to their colons: what a markdown reader sees. */
function tableCells(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.includes('|'))
    .map((line) =>
      line
        .trim()
        .replace(/^\|/, '')
        .replace(/(?<!\\)\|$/, '')
        .split(/(?<!\\)\|/)
        .map((cell) => {
          const trimmed = cell.trim();
          return /^:?-+:?$/.test(trimmed) ? trimmed.replace(/-+/, '-') : trimmed;
        }),
    );
}

describe.skipIf(readmes.length === 0)('table compressor trims markdown tables losslessly (real READMEs)', () => {
  it('lossless: same cells, no markers, fewer tokens, idempotent', () => {
    let trimmed = 0;
    for (const file of readmes) {
      const text = readFileSync(file, 'utf8');
      const context = { profile: 'lossless' as const, ruler, conversation: '' };
      const run = runCompressor(tableCompressor, { text, kind: 'table' }, context);
      if (run.state !== 'compressed') continue;
      const output = run.result;
      trimmed += 1;
      expect(output.lossy).toBe(false);
      expect(findMarkers(output.text)).toEqual([]);
      expect(tableCells(output.text), file).toEqual(tableCells(text));
      expect(ruler.count(output.text)).toBeLessThan(ruler.count(text));
      expect(tableCompressor.compress({ text: output.text, kind: 'table' }, context)).toBeNull();
    }
    expect(trimmed).toBeGreaterThan(0);
  });
});
