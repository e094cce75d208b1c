/** Checks the text-model tests share: an output is its input with whole words left out, and nothing that must stay. Test-only. */
import { expect } from 'vitest';
import { isMustKeepWord } from './must-keep.ts';

/** `out` is `text` with whole words left out: the same lines, each with its indentation, kept words in order. */
export function expectWordsLeftOut(text: string, out: string): void {
  const inLines = text.split('\n');
  const outLines = out.split('\n');
  expect(outLines).toHaveLength(inLines.length);
  outLines.forEach((line, index) => {
    const original = inLines[index] as string;
    if (line.trim() === '') return;
    expect(line.match(/^\s*/)?.[0]).toBe(original.match(/^\s*/)?.[0]);
    const words = original.split(/\s+/).filter(Boolean);
    let cursor = 0;
    for (const word of line.split(/\s+/).filter(Boolean)) {
      const at = words.indexOf(word, cursor);
      expect(at, `${word} in line ${index + 1}`).toBeGreaterThanOrEqual(cursor);
      cursor = at + 1;
    }
  });
}

/** Every word of `text` that must stay (numbers, paths, identifiers, error words...) is on its line of `out`. */
export function expectMustKeepWordsKept(text: string, out: string): void {
  const outLines = out.split('\n');
  text.split('\n').forEach((line, index) => {
    const kept = new Set((outLines[index] ?? '').split(/\s+/));
    for (const word of line.split(/\s+/).filter((w) => w !== '' && isMustKeepWord(w)))
      expect(kept.has(word), `${word} on line ${index + 1}`).toBe(true);
  });
}
