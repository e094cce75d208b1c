/** One regex for many: alternations that match exactly when one of their members does, built to run fast. */

/** True when a regex can match only at the start of the line: it opens with `^` and has no top-level `|`. */
export function anchoredAtStart(source: string): boolean {
  if (!source.startsWith('^')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') i += 1;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    else if (ch === '|' && depth === 0) return false;
  }
  return true;
}

/** The alternation of `sources` (null for none), anchored once when every one of them is anchored. */
export function alternation(sources: readonly string[], anchored: boolean): RegExp | null {
  if (sources.length === 0) return null;
  if (!anchored) return new RegExp(sources.map((source) => `(?:${source})`).join('|'));
  // `^\s*A|^\s*B` is `^\s*(?:A|B)`: one leading run of spaces to backtrack over, not one per cue.
  const bodies = sources.map((source) => source.slice(1));
  const spaced = bodies.filter(opensWithSpaces).map((body) => `(?:${body.slice(LEADING_SPACES.length)})`);
  const others = bodies.filter((body) => !opensWithSpaces(body)).map((body) => `(?:${body})`);
  const parts = spaced.length === 0 ? others : [`\\s*(?:${spaced.join('|')})`, ...others];
  return new RegExp(`^(?:${parts.join('|')})`);
}

const LEADING_SPACES = '\\s*';

/** True when a pattern opens with a greedy `\s*` (not `\s*?`, `\s*+` or `\s*{`). */
function opensWithSpaces(body: string): boolean {
  return body.startsWith(LEADING_SPACES) && !'?+*{'.includes(body.charAt(LEADING_SPACES.length) || '-');
}

/**
 * A test that is true exactly when one of `regexes` matches (none may carry flags or backreferences):
 * two runs, one anchored at the start and one scanning, instead of one run per regex.
 */
export function anyOf(regexes: readonly RegExp[]): (text: string) => boolean {
  if (regexes.some((regex) => regex.flags !== '')) throw new Error('anyOf: flagged regexes do not combine');
  const sources = regexes.map((regex) => regex.source);
  const atStart = alternation(sources.filter(anchoredAtStart), true);
  const anywhere = alternation(
    sources.filter((source) => !anchoredAtStart(source)),
    false,
  );
  return (text) => (atStart !== null && atStart.test(text)) || (anywhere !== null && anywhere.test(text));
}
