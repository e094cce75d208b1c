/**
 * Number literals an import keeps byte for byte. Parsing turns `123456789012345678901234567890` into
 * 1.2345678901234568e+29, `1e400` into Infinity (written `null`) and `-0.0` into 0; an import that
 * only re-frames a session must not rewrite fields it never touches. Each literal that would not come
 * back the same is parsed as a placeholder string and written back as the literal it was.
 */

/** Placeholders of one import: `protect` before parsing, `restore` on every line written. */
export class NumberLiterals {
  readonly #literals: string[] = [];
  #tag = 'terse-number';

  /** `text` (valid or not) with every number literal that re-serialises differently replaced by a placeholder string. */
  protect(text: string): string {
    // A tag the text holds could be a user's string: pick one it does not hold.
    while (text.includes(this.#tag)) this.#tag += '-';
    let out = '';
    let copied = 0;
    let i = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i = stringEnd(text, i);
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        let end = i + 1;
        while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
        const literal = text.slice(i, end);
        if (JSON.stringify(Number(literal)) !== literal && /^-?\d/.test(literal)) {
          out += `${text.slice(copied, i)}"\\u0000${this.#tag}:${this.#literals.length}"`;
          this.#literals.push(literal);
          copied = end;
        }
        i = end;
      } else i++;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /** A line of JSON written from protected values, with each placeholder back to its literal. */
  restore(json: string): string {
    if (this.#literals.length === 0 || !json.includes(this.#tag)) return json;
    const placeholder = new RegExp(`"\\\\u0000${this.#tag.replace(/-/g, '\\-')}:(\\d+)"`, 'g');
    return json.replace(placeholder, (whole, index: string) => this.#literals[Number(index)] ?? whole);
  }
}

function isNumberChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x65 || code === 0x45 || code === 0x2b || code === 0x2d
  );
}

/** Offset just past the string opening at `open` (or the text's end when it never closes). */
function stringEnd(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return text.length;
}
