/**
 * Writes a text back with only its kept words. Every line stays a line (one emptied of words is left
 * empty, so line N of the output is line N of the original), a line keeps its indentation, and the
 * white space before each kept word is the original white space there: words are never joined.
 */
import type { WordLayout, WordUnit } from './word-units.ts';

/** The text with the words whose `keep` entry is false left out. */
export function renderKeptWords(layout: WordLayout, keep: readonly boolean[]): string {
  const { text, lineStarts, words } = layout;
  const out: string[] = [];
  let next = 0;
  for (let line = 0; line < lineStarts.length; line += 1) {
    const lineStart = lineStarts[line] as number;
    const lineEnd = line + 1 < lineStarts.length ? (lineStarts[line + 1] as number) - 1 : text.length;
    let rendered = '';
    let lastKeptEnd = -1;
    let indentEnd = -1;
    let lastWordEnd = lineStart;
    for (; next < words.length && (words[next] as WordUnit).line === line; next += 1) {
      const word = words[next] as WordUnit;
      if (indentEnd === -1) indentEnd = word.start;
      lastWordEnd = word.end;
      if (keep[next] !== true) continue;
      // The line's first kept word takes the line's indentation; a later one the white space just before it.
      rendered +=
        lastKeptEnd === -1
          ? text.slice(lineStart, indentEnd)
          : text.slice(spaceBefore(text, word.start, lastKeptEnd), word.start);
      rendered += word.text;
      lastKeptEnd = word.end;
    }
    // What follows the line's last word (trailing spaces, a `\r`) stays; an emptied line keeps only its `\r`.
    if (lastKeptEnd !== -1) rendered += text.slice(lastWordEnd, lineEnd);
    else if (lineEnd > lineStart && text[lineEnd - 1] === '\r') rendered = '\r';
    out.push(rendered);
  }
  return out.join('\n');
}

/** Where the run of white space that ends at `end` begins (not before `floor`). */
function spaceBefore(text: string, end: number, floor: number): number {
  let at = end;
  while (at > floor && /\s/.test(text[at - 1] as string)) at -= 1;
  return at;
}
