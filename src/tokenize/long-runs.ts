/**
 * Runs of one pre-token class long enough to make BPE quadratic: letters and marks, white space of
 * any kind (newlines, NBSP...), or other symbols. Both encodings put such a run into one pre-token,
 * and BPE merges within one pre-token cost the square of its length (500k newlines took minutes).
 * Found by a scan with no regular expression (a `{1024,}` quantifier over 6 MB overflows the stack)
 * that probes every half run instead of reading every character of ordinary text.
 */

/** Shortest run counted in slices. */
export const MIN_RUN = 1024;

const OTHER = 1;
const LETTER = 2; // \p{L} or \p{M}
const SPACE = 3; // \s
const DIGIT = 4; // \p{N}: pre-tokens of at most three digits, never long

const IS_LETTER = /[\p{L}\p{M}]/u;
const IS_SPACE = /\s/u;
const IS_DIGIT = /\p{N}/u;

function classify(char: string): number {
  if (IS_LETTER.test(char)) return LETTER;
  if (IS_SPACE.test(char)) return SPACE;
  if (IS_DIGIT.test(char)) return DIGIT;
  return OTHER;
}

/** Classes of the Basic Multilingual Plane, filled on first sight (0 = not yet). */
const BMP = new Uint8Array(0x10000);

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Class of the UTF-16 unit at `at`: the low half of a pair takes the class of its pair. */
function classAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (isHigh(code) && at + 1 < text.length && isLow(text.charCodeAt(at + 1))) return classify(text.slice(at, at + 2));
  if (isLow(code) && at > 0 && isHigh(text.charCodeAt(at - 1))) return classify(text.slice(at - 1, at + 1));
  let cls = BMP[code] as number;
  if (cls === 0) BMP[code] = cls = classify(String.fromCharCode(code));
  return cls;
}

/** A run `[start, end)` of one class, `end - start >= MIN_RUN`. */
export interface LongRun {
  readonly start: number;
  readonly end: number;
}

/**
 * Every maximal run of MIN_RUN or more units of one class (digits excepted), in order. A run that
 * long covers some multiple of MIN_RUN / 2, so only those positions start a scan.
 */
export function findLongRuns(text: string): LongRun[] {
  const runs: LongRun[] = [];
  const stride = MIN_RUN / 2;
  let scannedTo = 0;
  for (let probe = stride - 1; probe < text.length; probe += stride) {
    if (probe < scannedTo) continue;
    const cls = classAt(text, probe);
    if (cls === DIGIT) continue;
    let start = probe;
    while (start > scannedTo && classAt(text, start - 1) === cls) start--;
    let end = probe + 1;
    while (end < text.length && classAt(text, end) === cls) end++;
    scannedTo = end;
    if (end - start >= MIN_RUN) runs.push({ start, end });
  }
  return runs;
}

/** `[start, end)` cut into pieces of at most `slice` units, never between the halves of a pair. */
export function* slicesOf(
  text: string,
  start: number,
  end: number,
  slice: number,
): Generator<readonly [number, number]> {
  for (let at = start; at < end;) {
    let cut = Math.min(at + slice, end);
    if (cut < end && isHigh(text.charCodeAt(cut - 1)) && isLow(text.charCodeAt(cut))) cut--;
    yield [at, cut];
    at = cut;
  }
}
