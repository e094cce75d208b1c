import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { chooseKeptWords } from './choose-kept-words.ts';
import { expectWordsLeftOut } from './kept-words-checks.ts';
import { renderKeptWords } from './render-kept-words.ts';
import { layoutWords } from './word-units.ts';

const docs = ['fidelity.md', 'markers.md', 'plugins.md', 'report-format.md', 'trace-format.md'].map((name) =>
  readFileSync(path.join(environment.projectRoot, 'docs', name), 'utf8'),
);

describe('rendering kept words', () => {
  it('keeps every line, its indentation, and never joins two words, whatever is dropped (real docs, scattered choices)', () => {
    for (const [at, text] of docs.entries()) {
      const layout = layoutWords(text);
      const keep = layout.words.map((_, index) => (index * 7_919 + at) % 5 < 2);
      expectWordsLeftOut(text, renderKeptWords(layout, keep));
    }
  });

  it('gives the text back byte for byte when every word is kept (white-space-only lines aside)', () => {
    for (const text of docs) {
      const layout = layoutWords(text);
      expect(
        renderKeptWords(
          layout,
          layout.words.map(() => true),
        ),
      ).toBe(text.replace(/^[ \t]+$/gm, ''));
    }
  });

  it('keeps indentation, tabs between kept neighbours, and CRLF line ends', () => {
    const text = '  - first item, kept\r\n\tsecond\tline here\r\n    dropped entirely\r\nlast';
    const layout = layoutWords(text);
    const keep = layout.words.map((word) => ['-', 'first', 'kept', 'second', 'line', 'last'].includes(word.text));
    expect(renderKeptWords(layout, keep)).toBe('  - first kept\r\n\tsecond\tline\r\n\r\nlast');
  });
});

describe('choosing kept words', () => {
  it('keeps every forced word and fills the rate with the best-scored others', () => {
    const lengths = [4, 4, 4, 4, 4, 4, 4, 4, 4, 4];
    const forced = [true, false, false, false, false, false, false, false, false, false];
    const scores = [0, 0.1, 0.9, 0.2, 0.8, 0.3, 0.7, 0.4, 0.6, 0.5];
    expect(chooseKeptWords({ lengths, forced, scores }, 0.3)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('keeps the forced words even past the rate, and nothing else', () => {
    expect(chooseKeptWords({ lengths: [10, 10, 10], forced: [true, true, false], scores: [0, 0, 1] }, 0.2)).toEqual([
      true,
      true,
      false,
    ]);
  });
});
