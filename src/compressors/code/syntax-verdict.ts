/**
 * Whether a compressed text parses no worse than the code it came from: no more ERROR and MISSING
 * nodes in the language's grammar. The engine asks this of every result for a `code` block, whoever
 * compressed it. A line-numbered view is read without its numbers (an outline's marker lines carry a
 * blank number column), so the check sees the code an agent sees. A fragment (a slice cut mid-body,
 * mid-docstring, mid-call) is read as the fragment it is: when the frame that makes the input parse
 * clean (completed-source.ts) makes the output parse clean too, the output brought no error in,
 * however differently tree-sitter counts the errors at the cut edges of the two; a Python fragment
 * cut at its start whose broken head the output copied as it came (cut-head.ts) is judged on the
 * rest of it. The groups of a context grep over a numbered file (`nl -ba f.py | grep -C 20 x`) are
 * judged one by one.
 */
import type { Parser } from 'web-tree-sitter';
import { grammarFor, type CodeGrammar } from './code-languages.ts';
import { completeSource } from './completed-source.ts';
import { brokenHeadRows } from './cut-head.ts';
import { framedText, type FragmentFrame } from './fragment-frame.ts';
import type { GrammarRegistry } from './grammar-registry.ts';
import { numberPrefix } from '../../detect/numbered-rows.ts';
import { parseNumberedView, splitAtGroupSeparators, splitNumberedGroups, type NumberedView } from './numbered-view.ts';
import { parseShared } from './shared-parse.ts';
import { countSyntaxErrors, errorSpans } from './syntax-errors.ts';

/** `keeps`: parses no worse; `breaks`: more syntax errors than the input; `unchecked`: no grammar to tell. */
export type SyntaxVerdict = 'keeps' | 'breaks' | 'unchecked';

/** Judges `output` against `input`, both read as `language` (a name `detect/` gives, or an alias). */
export type SyntaxCheck = (input: string, output: string, language: string | undefined) => SyntaxVerdict;

/** The rows of `text` without the number column of `view`'s style: numbered rows and blank-column marker rows alike. */
function withoutNumbers(text: string, view: NumberedView): string {
  return text
    .split('\n')
    .map((row) => {
      const numbered = numberPrefix(row);
      if (numbered !== null) return row.slice(numbered.length);
      return view.blankPrefix !== '' && row.startsWith(view.blankPrefix) ? row.slice(view.blankPrefix.length) : row;
    })
    .join('\n');
}

/** Syntax errors of `code`; the input is read through the shared parse (the compressors just parsed it), an output afresh. */
function errorsIn(parser: Parser, code: string, shared: boolean): number {
  const tree = shared ? parseShared(parser, code) : parser.parse(code);
  if (tree === null) return Number.POSITIVE_INFINITY;
  try {
    return countSyntaxErrors(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** The frame that makes the input's code a whole file that parses clean (completed-source.ts), or null. */
function frameOf(parser: Parser, grammar: CodeGrammar, code: string): FragmentFrame | null {
  const tree = parseShared(parser, code);
  if (tree === null) return null;
  try {
    const completed = completeSource(parser, grammar, code, tree, errorSpans(tree.rootNode));
    completed?.tree.delete();
    return completed?.frame ?? null;
  } finally {
    tree.delete();
  }
}

/** What the check knows of the input it last judged: its error count, and its frame and broken head once asked. */
interface InputReading {
  readonly text: string;
  readonly language: CodeGrammar;
  readonly code: string;
  readonly errors: number;
  frame?: FragmentFrame | null;
  /** Python: the rows of a broken head before the rest parses (cut-head.ts), once asked. */
  headRows?: number | null;
}

/** A check over the parsers of `registry` (loaded beforehand); what it read of the input is kept for its next result. */
export function createSyntaxCheck(registry: GrammarRegistry): SyntaxCheck {
  let lastInput: InputReading | null = null;
  const check = (input: string, output: string, language: string | undefined): SyntaxVerdict => {
    const grammar = language === undefined ? null : grammarFor(language);
    if (grammar === null) return 'unchecked';
    const lookup = registry.parserFor(grammar);
    if (!lookup.ok) return 'unchecked';
    const { parser } = lookup;
    const view = parseNumberedView(input);
    const outputCode = view === null ? output : withoutNumbers(output, view);
    const after = errorsIn(parser, outputCode, false);
    if (after === 0) return 'keeps';
    if (lastInput === null || lastInput.text !== input || lastInput.language !== grammar) {
      const code = view?.code ?? input;
      lastInput = { text: input, language: grammar, code, errors: errorsIn(parser, code, true) };
    }
    // A fragment's own errors are where its cut edges leave tree-sitter, and they number differently in
    // any shorter text: when a frame makes the input parse clean, the output must parse clean in it.
    if (lastInput.errors > 0) lastInput.frame ??= frameOf(parser, grammar, lastInput.code);
    if (lastInput.frame != null && errorsIn(parser, framedText(outputCode, lastInput.frame), false) === 0)
      return 'keeps';
    // A Python fragment cut at its start whose broken head the output copied as it came: the rests are compared.
    const { code } = lastInput;
    if (grammar === 'python' && lastInput.errors > 0) lastInput.headRows ??= brokenHeadRows(parser, code);
    const headRows = lastInput.headRows ?? null;
    if (headRows !== null) {
      const inputRows = code.split('\n');
      const outputRows = outputCode.split('\n');
      if (inputRows.slice(0, headRows).some((row, index) => outputRows[index] !== row)) return 'breaks';
      return check(inputRows.slice(headRows).join('\n'), outputRows.slice(headRows).join('\n'), language);
    }
    // Counting alone decides only for a fragment neither reading mends (a line dropped from a signature
    // can lower the count).
    return lastInput.frame == null && after <= lastInput.errors ? 'keeps' : 'breaks';
  };
  return (input, output, language) => {
    // A numbered grep's groups are views of different parts of a file: each is judged against its own.
    const groups = splitNumberedGroups(input);
    const outputGroups = groups === null ? null : splitAtGroupSeparators(output);
    if (groups === null || outputGroups === null || outputGroups.length !== groups.length)
      return check(input, output, language);
    const verdicts = groups.map((group, index) => check(group, outputGroups[index]!, language));
    return verdicts.find((verdict) => verdict !== 'keeps') ?? 'keeps';
  };
}
