/**
 * The units the text model keeps or drops: maximal runs of non-space characters, each with its line
 * and its offsets in the original, so rendering can give back indentation, line breaks and the
 * punctuation that touches a word byte for byte.
 */

/** One whitespace-delimited word of the text (punctuation touching it included). */
export interface WordUnit {
  readonly text: string;
  /** 0-based line it sits on. */
  readonly line: number;
  /** UTF-16 offset of its first character in the whole text. */
  readonly start: number;
  /** UTF-16 offset just past its last character. */
  readonly end: number;
}

/** A text cut into lines and words; `lineStarts[i]` is where line i begins. */
export interface WordLayout {
  readonly text: string;
  readonly lineStarts: readonly number[];
  readonly words: readonly WordUnit[];
}

/** Splits `text` into lines (at `\n`) and words (runs of non-white-space). */
export function layoutWords(text: string): WordLayout {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const words: WordUnit[] = [];
  let line = 0;
  for (const match of text.matchAll(/\S+/g)) {
    const start = match.index;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= start) line += 1;
    words.push({ text: match[0], line, start, end: start + match[0].length });
  }
  return { text, lineStarts, words };
}
