/**
 * What the answer-blind reader takes from a probe's question: verbatim spans (backticked or quoted),
 * identifier-like words, plain words, numbers, and the positions it names (`line 42`, `item 67`).
 * Nothing else about the probe is read.
 */

/** A term of the question and how specific it is: 3 a verbatim span, 2 an identifier, 1 a word or number. */
export interface QuestionTerm {
  /** Lowercased, as `terse_retrieve` matches query terms. */
  readonly text: string;
  readonly weight: number;
  /** The term is a number: it narrows a query but picks no marker alone. */
  readonly numeric: boolean;
  /** Query words of the term: a span's words, or the term itself. */
  readonly words: readonly string[];
}

/** The positions a question names. */
export interface NamedPositions {
  readonly lines: readonly number[];
  readonly items: readonly number[];
}

export interface QuestionReading {
  readonly terms: readonly QuestionTerm[];
  readonly positions: NamedPositions;
}

// Words every question uses, and words about the tool's output itself rather than its content.
const STOPWORDS = new Set(
  (
    'a an and any are as at be been by can could did do does each for from give given had has have how i in is it its ' +
    'many much not of on one or so than that the their them then there these they this those to was were what when ' +
    'where which who whom whose why will with would word quote say says said show shows shown full exact exactly ' +
    'output outputs tool tools result results printed print prints form report reported reports long take took ' +
    'out fetched queried appear appears occur occurs mention mentions mentioned called named first last line lines'
  ).split(' '),
);

// Blanks a question puts where the answer goes, and template holes: never part of a query.
const BLANK = /_{3,}|<\*>/;

/** Spans quoted in the question: `like this`, "like this" or 'like this' (at least 3 characters). */
function quotedSpans(question: string): string[] {
  const spans: string[] = [];
  for (const match of question.matchAll(/`([^`]{3,})`|"([^"]{3,})"|(?<![\w])'([^']{3,})'(?![\w])/g)) {
    spans.push((match[1] ?? match[2] ?? match[3] ?? '').trim());
  }
  return spans.filter((span) => span !== '');
}

/** Splits text into words as a query would hold them: runs without white space, outer punctuation trimmed. */
export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[("'`[{<,;.!?]+|[)"'`\]}>,;.!?:]+$/g, ''))
    .filter((word) => word !== '');
}

function isIdentifierLike(word: string): boolean {
  if (/[_./:@#\\-]/.test(word) && /[A-Za-z0-9]/.test(word)) return true;
  if (/[A-Za-z]/.test(word) && /\d/.test(word)) return true;
  if (/[a-z][A-Z]/.test(word)) return true;
  return /^[A-Z][A-Z0-9]{2,}$/.test(word);
}

/** Literal pieces of a span around its blanks and holes: `blk_<*> to /<*>:` gives `blk_` and `to /`. */
function literalWords(span: string): string[] {
  return wordsOf(span).filter((word) => !BLANK.test(word));
}

const LINE_NAMED = /\blines? (\d{1,9})(?:\s*-\s*(\d{1,9}))?\b/gi;
const ITEM_NAMED = /\b(?:item|index|position|element|entry|row|record)s? #?(\d{1,9})\b/gi;

function namedPositions(question: string): NamedPositions {
  const lines: number[] = [];
  const items: number[] = [];
  for (const match of question.matchAll(LINE_NAMED)) {
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Math.min(Number(match[2]), first + 200);
    for (let n = first; n <= last; n++) lines.push(n);
  }
  for (const match of question.matchAll(ITEM_NAMED)) items.push(Number(match[1]));
  return { lines, items };
}

/** Reads a question into terms (most specific first, then in question order) and named positions. */
export function readQuestion(question: string): QuestionReading {
  const terms: QuestionTerm[] = [];
  const seen = new Set<string>();
  const add = (text: string, weight: number, words: readonly string[]): void => {
    const key = text.toLowerCase();
    if (key === '' || seen.has(key) || words.length === 0) return;
    seen.add(key);
    terms.push({ text: key, weight, numeric: /^\d+(?:\.\d+)?$/.test(key), words: words.map((w) => w.toLowerCase()) });
  };
  const spans = quotedSpans(question);
  for (const span of spans) {
    const words = literalWords(span);
    // A one-word span is as specific as an identifier; a phrase, more.
    add(words.join(' '), words.length > 1 ? 3 : 2, words);
  }
  let rest = question;
  for (const span of spans) rest = rest.replace(span, ' ');
  for (const word of wordsOf(rest.replace(/[`"]/g, ' '))) {
    if (BLANK.test(word)) continue;
    const lower = word.toLowerCase();
    if (STOPWORDS.has(lower)) continue;
    // A long number (an issue, a port, a size) narrows a query as well as a name does.
    if (/^\d+(?:\.\d+)?$/.test(word)) add(word, word.length >= 3 ? 2 : 1, [word]);
    else if (isIdentifierLike(word)) add(word, 2, [word]);
    else if (word.length >= 3 && /[A-Za-z]/.test(word)) add(word, 1, [word]);
  }
  terms.sort((a, b) => b.weight - a.weight);
  return { terms, positions: namedPositions(question) };
}
