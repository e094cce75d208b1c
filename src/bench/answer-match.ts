/** How a probe answer is looked for in text: case-insensitive, with runs of white space folded. */

/** The form both sides are compared in. */
export function normalizeForMatch(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** True when `answer` occurs in `haystack` (already normalised with normalizeForMatch). */
export function containsAnswer(normalizedHaystack: string, answer: string): boolean {
  const needle = normalizeForMatch(answer).trim();
  return needle !== '' && normalizedHaystack.includes(needle);
}
