/** Source code: lines that end, open or close like code, and few that read like prose. */
import { COLON_NUMBER, COLUMN_NUMBER } from './numbered-rows.ts';
import type { Detector, Sample } from './detection.ts';
import { reachesMakefileShare } from './makefile-lines.ts';
import { anyOf } from './regex-alternation.ts';
import { nonBlank } from './sample.ts';
import { isSpaceCode } from './whitespace.ts';

const CODE_LINE = [
  /[;{}]\s*$/,
  /^\s*[}\])]/,
  /\)\s*:\s*$/,
  /^\s*(?:else|try|finally|except.*|do)\s*:?\s*\{?$/,
  /^\s*(?:def|class|import|from|return|if|elif|for|while|with|raise|assert|yield|async|await|const|let|var|function|export|fn|func|pub|impl|use|package|struct|enum|interface|type|public|private|protected|static|#include|#define|#if|#endif|template|namespace|typedef|switch|case|break|continue|pass|lambda|del|global|match)\b/,
  /^\s*(?:\/\/|\/\*|\*\/|\* |\*$|#(?!#)|--|"""|''')/,
  /^\s*@\w+/,
  /^\s*[\w.[\]'"]+\s*(?:[+\-*/|&]?=|:=)\s*\S/,
  /^\s*[\w.]+\(.*\)[;,]?\s*$/,
  /^\s{2,}[\w.]+(?:\(|\s*[,)]\s*$)/,
  /^\s*["'\w]+:\s*\S.*,\s*$/,
];
const TRIPLE_QUOTE = /"""|'''/g;
const DOCTEST = /^\s*>>>/;
const INDENTED = /^(?: {2,}|\t)\S/;
const PROSE = /^[A-Z][a-z]+(?: [\w,'()-]+){5,}[.!?:]?$/;
/** Past this share of Makefile lines a block is a Makefile: no code grammar of ours reads it. */
const MAKEFILE_SHARE = 0.25;

/** True when one of the CODE_LINE shapes matches. */
const isCodeLine = anyOf(CODE_LINE);

/** True when the line holds `"""` or `'''` (a plain search: the global TRIPLE_QUOTE keeps state between tests). */
function hasTripleQuote(line: string): boolean {
  return line.includes('"""') || line.includes("'''");
}

/**
 * Strips `nl -ba` / `cat -n` line numbers when most lines carry them, and SWE-agent's `N:` window
 * numbers when most lines carry them counting up by one (a `grep -n` listing skips lines).
 */
export function withoutLineNumbers(lines: readonly string[]): readonly string[] {
  let numbered = 0;
  for (const line of lines) if (COLUMN_NUMBER.test(line)) numbered += 1;
  if (numbered >= 0.8 * lines.length) return lines.map((line) => line.replace(COLUMN_NUMBER, ''));
  if (countsUpByOne(lines) >= 0.8 * lines.length) return lines.map((line) => line.replace(COLON_NUMBER, ''));
  return lines;
}

/** Lines carrying an `N:` prefix one above the previous such line's (the first of a run counts too). */
export function countsUpByOne(lines: readonly string[]): number {
  let counted = 0;
  let previous: number | null = null;
  for (const line of lines) {
    const match = COLON_NUMBER.exec(line);
    if (match === null) continue;
    const number = Number(match[1]);
    if (previous === null || number === previous + 1) counted += 1;
    previous = number;
  }
  return counted;
}

/** The code score of `lines`, reading them as starting inside a docstring or not; and whether any holds a triple quote. */
function scoreLines(
  lines: readonly string[],
  startsInDocstring: boolean,
): { readonly score: number; readonly quoted: boolean } {
  let code = 0;
  let prose = 0;
  let indented = 0;
  let docstring = startsInDocstring;
  let counted = 0;
  let quoted = false;
  for (const line of lines) {
    // Docstring bodies are prose inside code: they count neither way (doctest lines are code).
    const quotes = hasTripleQuote(line) ? (line.match(TRIPLE_QUOTE) ?? []).length : 0;
    if (quotes > 0) quoted = true;
    const inside = docstring;
    if (quotes % 2 === 1) docstring = !docstring;
    if (inside && quotes === 0 && !DOCTEST.test(line)) continue;
    counted += 1;
    if (isCodeLine(line) || DOCTEST.test(line)) code += 1;
    else if (!isSpaceCode(line.charCodeAt(0)) && PROSE.test(line.trim())) prose += 1;
    if (INDENTED.test(line)) indented += 1;
  }
  if (counted === 0) return { score: 0, quoted };
  const share = code / counted;
  const structure = Math.min(1, indented / lines.length + 0.7);
  return { score: Math.max(0, 0.9 * share * structure - 0.5 * (prose / counted)), quoted };
}

/**
 * Scores code by the share of lines with code shape, lowered by lines that read as prose. A slice
 * of a file (`sed -n 290,320p`) may open inside a docstring: both readings are tried.
 */
export const codeDetector: Detector = {
  kind: 'code',
  ceiling: 0.9,
  score(sample: Sample): number {
    const lines = withoutLineNumbers(nonBlank(sample.lines).slice(0, 1_500));
    if (lines.length === 0 || reachesMakefileShare(lines, MAKEFILE_SHARE)) return 0;
    const outside = scoreLines(lines, false);
    return outside.quoted ? Math.max(outside.score, scoreLines(lines, true).score) : outside.score;
  },
};
