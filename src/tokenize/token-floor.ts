/**
 * A floor under a text's token count, from one pass over its characters: far cheaper than BPE, and
 * never above the ruler's count in o200k_base or cl100k_base. The engine decides most blocks with it
 * ("at least 50 tokens", "the output has fewer tokens than the input") and counts exactly only when
 * the floor cannot decide.
 *
 * Both encodings split text into pre-tokens before BPE, and every pre-token is at least one token.
 * Their split patterns share a shape: letters (with one leading non-letter) or up to three digits or
 * a run of punctuation (with one leading space and trailing newlines, and `/` in o200k) or white
 * space. The floor counts pre-tokens that must be distinct:
 * - each stretch of letters, marks and apostrophes holding a letter: one letter pre-token at least;
 * - each run of n digits: ceil(n / 3) digit pre-tokens;
 * - each run of punctuation (no letter, digit, mark, apostrophe or space) that no letter pre-token
 *   can take as its leading character and that no earlier punctuation pre-token can reach through
 *   `\n/`: one punctuation pre-token;
 * - each run of white space with characters left over after the punctuation before it took its
 *   leading newlines and the pre-token after it took its last character: one space pre-token.
 */

const LETTER = 1; // \p{L}
const JOINER = 2; // \p{M} or an apostrophe: join letters, and may sit inside a punctuation pre-token
const DIGIT = 3; // \p{N}
const SPACE = 4; // \s
const PUNCT = 5; // anything else

const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;
const IS_DIGIT = /\p{N}/u;
const IS_SPACE = /\s/u;

/** Classes of the Basic Multilingual Plane, filled on first sight of each character (0 = not yet). */
const BMP = new Uint8Array(0x10000);

function classify(char: string): number {
  if (char === "'") return JOINER;
  if (IS_LETTER.test(char)) return LETTER;
  if (IS_MARK.test(char)) return JOINER;
  if (IS_DIGIT.test(char)) return DIGIT;
  if (IS_SPACE.test(char)) return SPACE;
  return PUNCT;
}

for (let code = 0; code < 0x80; code++) BMP[code] = classify(String.fromCharCode(code));

/** Width in UTF-16 units of the character `classAt` last read (2 for a surrogate pair). */
let width = 1;

/** Class of the character at `at`; sets `width`. */
function classAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  width = 1;
  if (code < 0x80) return BMP[code] as number;
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
    const next = text.charCodeAt(at + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      width = 2;
      return classify(text.slice(at, at + 2));
    }
  }
  let cls = BMP[code] as number;
  if (cls === 0) BMP[code] = cls = classify(String.fromCharCode(code));
  return cls;
}

const isNewline = (code: number): boolean => code === 0x0a || code === 0x0d;

/** Whether the stretch of letters and joiners from `at` holds a letter. */
function stretchHoldsLetter(text: string, at: number): boolean {
  while (at < text.length) {
    const cls = classAt(text, at);
    if (cls === LETTER) return true;
    if (cls !== JOINER) return false;
    at += width;
  }
  return false;
}

/** Tokens `text` has at least, in o200k_base and cl100k_base alike (see the file's comment). */
export function tokenFloor(text: string): number {
  const length = text.length;
  let floor = 0;
  // Class of the character before the current run (0 at the start), and whether that run was joiners only.
  let before = 0;
  let afterJoinersOnly = false;
  let i = 0;
  let cls = length > 0 ? classAt(text, 0) : 0;
  while (i < length) {
    const start = i;
    const runClass = cls;
    let letters = false;
    // Advance over the run of one class (letters and joiners form one stretch); `cls` ends as the next one's.
    let last = cls;
    do {
      if (cls === LETTER) letters = true;
      last = cls;
      i += width;
      if (i >= length) {
        cls = 0;
        break;
      }
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        cls = BMP[code] as number;
        width = 1;
      } else {
        cls = classAt(text, i);
      }
    } while (
      i < length &&
      (cls === runClass || ((runClass === LETTER || runClass === JOINER) && (cls === LETTER || cls === JOINER)))
    );
    if (runClass === DIGIT) {
      floor += Math.ceil((i - start) / 3);
    } else if (runClass === SPACE) {
      // Leading newlines may close the punctuation pre-token before; the last character may open the next one.
      let taken = 0;
      if (before !== 0 && before !== LETTER && before !== DIGIT) {
        for (let k = start; k < i && isNewline(text.charCodeAt(k)); k++) taken++;
      }
      if (i < length && !isNewline(text.charCodeAt(i - 1))) taken++;
      if (i - start > taken) floor++;
    } else if (runClass === LETTER || runClass === JOINER) {
      if (letters) floor++;
    } else {
      // Pure punctuation. A single character before a letter may lead that letter's pre-token; marks and
      // apostrophes with no letter may join one punctuation pre-token with runs on both sides of them.
      const mayBePrefix = i - start === 1 && (cls === LETTER || cls === JOINER);
      const besideJoiners = afterJoinersOnly || (cls === JOINER && !stretchHoldsLetter(text, i));
      const reachedBySlash = text.charCodeAt(start) === 0x2f && start > 0 && isNewline(text.charCodeAt(start - 1));
      if (!mayBePrefix && !besideJoiners && !reachedBySlash) floor++;
    }
    afterJoinersOnly = (runClass === LETTER || runClass === JOINER) && !letters;
    before = last;
  }
  return floor;
}
