/**
 * Whether a compressed text parses no worse than the code it came from: no more ERROR and MISSING
 * nodes in the language's grammar. The engine asks this of every result for a `code` block, whoever
 * compressed it. A line-numbered view is read without its numbers (an outline's marker lines carry a
 * blank number column), so the check sees the code an agent sees.
 */
import type { Parser } from 'web-tree-sitter';
import { grammarFor } from './code-languages.ts';
import type { GrammarRegistry } from './grammar-registry.ts';
import { parseNumberedView, type NumberedView } from './numbered-view.ts';
import { parseShared } from './shared-parse.ts';
import { countSyntaxErrors } from './syntax-errors.ts';

/** `keeps`: parses no worse; `breaks`: more syntax errors than the input; `unchecked`: no grammar to tell. */
export type SyntaxVerdict = 'keeps' | 'breaks' | 'unchecked';

/** Judges `output` against `input`, both read as `language` (a name `detect/` gives, or an alias). */
export type SyntaxCheck = (input: string, output: string, language: string | undefined) => SyntaxVerdict;

const NUMBER_PREFIX = /^ *\d+[\t→]|^\d+:/;

/** The rows of `text` without the number column of `view`'s style: numbered rows and blank-column marker rows alike. */
function withoutNumbers(text: string, view: NumberedView): string {
  return text
    .split('\n')
    .map((row) => {
      const numbered = NUMBER_PREFIX.exec(row);
      if (numbered !== null) return row.slice(numbered[0].length);
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

/** A check over the parsers of `registry` (loaded beforehand); the input's count is kept for its next result. */
export function createSyntaxCheck(registry: GrammarRegistry): SyntaxCheck {
  let lastInput: { readonly text: string; readonly language: string; readonly errors: number } | null = null;
  return (input, output, language) => {
    const grammar = language === undefined ? null : grammarFor(language);
    if (grammar === null) return 'unchecked';
    const lookup = registry.parserFor(grammar);
    if (!lookup.ok) return 'unchecked';
    const view = parseNumberedView(input);
    const after = errorsIn(lookup.parser, view === null ? output : withoutNumbers(output, view), false);
    if (after === 0) return 'keeps';
    if (lastInput === null || lastInput.text !== input || lastInput.language !== grammar) {
      lastInput = { text: input, language: grammar, errors: errorsIn(lookup.parser, view?.code ?? input, true) };
    }
    return after <= lastInput.errors ? 'keeps' : 'breaks';
  };
}
