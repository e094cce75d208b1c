/**
 * The `declarations` compressor: code's fallback when no outline pays (short bodies, a file of data or
 * of top-level statements, a fragment whose bodies all touch its errors). It drops whole declarations
 * (top-level ones, and the members of class bodies, namespaces and include guards), each run replaced
 * by one marker comment in the language's comment syntax, e.g.
 *
 *   // [[terse:3f9a0c1d2b4e5f60 lines 40-88 omitted; declares: parseArgs, main]]
 *
 * so what is left parses as the input did. "lines A-B" are 1-based lines of the original (a numbered
 * view's own numbers), which the ref returns whole; every other line is an original line, in order.
 * A Python slice is read as the file its frame makes of it (code/python-fragment-frame.ts), or, when
 * none does, that opening its blocks makes of it (open-python-fragment.ts), so statements of the cut
 * function can go as well.
 * Served after the code compressor and before the text compressor, whose line-dropping breaks code.
 */
import { MARKER_OPENING } from '../../store/marker.ts';
import type { Profile } from '../../types.ts';
import { withinShare } from '../../tokenize/token-size.ts';
import { codeGrammars } from '../code/code-compressor.ts';
import { LANGUAGE_RULES, grammarFor } from '../code/code-languages.ts';
import type { GrammarRegistry } from '../code/grammar-registry.ts';
import { mentionedNames } from '../code/mentioned-names.ts';
import { numberOutline, parseNumberedView } from '../code/numbered-view.ts';
import { renderOutline } from '../code/render-outline.ts';
import { parseShared } from '../code/shared-parse.ts';
import { SourceLines } from '../code/source-lines.ts';
import { errorSpans } from '../code/syntax-errors.ts';
import {
  inputSize,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { dropInput } from '../lossy-result.ts';
import type { Parser, Tree } from 'web-tree-sitter';
import { framePythonFragment } from '../code/python-fragment-frame.ts';
import { openPythonFragment } from './open-python-fragment.ts';
import { planDeclarationElisions, type DeclarationPlanOptions } from './plan-declaration-elisions.ts';

/** How much each lossy profile may drop (`lossless` drops nothing). */
export const DECLARATION_PROFILES: Readonly<Record<Exclude<Profile, 'lossless'>, DeclarationPlanOptions>> = {
  balanced: { maxDropShare: 0.5, minRows: 3, minChars: 120 },
  aggressive: { maxDropShare: 0.75, minRows: 2, minChars: 80 },
};

/** Share of tokens the result must save: a marker and the retrieval it invites cost something too. */
const MIN_REDUCTION = 0.1;
/** Names a marker lists before `+N more`. */
const MAX_NAMES = 5;

/** Options of `createDeclarationsCompressor`. */
export interface DeclarationsCompressorOptions {
  /** Where parsers come from. @default the code compressor's process-wide grammars */
  readonly registry?: GrammarRegistry;
}

/** The text a plan is made over: the code, or the code with rows added around it; the caller deletes the tree. */
interface PlannedSource {
  readonly tree: Tree;
  readonly text: string;
  /** Rows added before the code. */
  readonly before: number;
}

function plainSource(parser: Parser, code: string): PlannedSource | null {
  const tree = parseShared(parser, code);
  return tree === null ? null : { tree, text: code, before: 0 };
}

/** A Python slice in the frame that makes it parse clean, else opened at its indentations, else as it is. */
function pythonSource(parser: Parser, code: string): PlannedSource | null {
  const plain = plainSource(parser, code);
  if (plain === null) return null;
  const framed = framePythonFragment(parser, code, plain.tree.rootNode.hasError);
  if (framed !== null) {
    plain.tree.delete();
    return { tree: framed.tree, text: framed.text, before: framed.frame.before.length };
  }
  const opened = openPythonFragment(code);
  if (opened === null) return plain;
  plain.tree.delete();
  const openedTree = parseShared(parser, opened.text);
  return openedTree === null ? null : { tree: openedTree, text: opened.text, before: opened.openingRows };
}

/** A declarations compressor over `options.registry`. */
export function createDeclarationsCompressor(options: DeclarationsCompressorOptions = {}): Compressor {
  const registry = options.registry ?? codeGrammars;

  function compress(input: CompressInput, context: CompressContext): CompressResult | null {
    // Text with a marker is terse's own output: compressing it again must change nothing.
    if (context.profile === 'lossless' || input.language === undefined || input.text.includes(MARKER_OPENING))
      return null;
    const grammar = grammarFor(input.language);
    if (grammar === null) return null;
    const lookup = registry.parserFor(grammar);
    if (!lookup.ok) return null;
    const view = parseNumberedView(input.text);
    const code = view?.code ?? input.text;
    const lines = new SourceLines(code);
    const source = grammar === 'python' ? pythonSource(lookup.parser, code) : plainSource(lookup.parser, code);
    if (source === null) return null;
    const { tree, text, before: shift } = source;
    const rules = LANGUAGE_RULES[grammar];
    const drop = dropInput(input.text);
    let outlined: string;
    try {
      const planned = planDeclarationElisions(
        tree.rootNode,
        text === code ? lines : new SourceLines(text),
        rules,
        DECLARATION_PROFILES[context.profile],
        mentionedNames(context.conversation, context.latest),
        errorSpans(tree.rootNode),
        { firstRow: shift, lastRow: shift + lines.count - 1 },
      );
      const regions = planned.map((region) => ({
        ...region,
        firstRow: region.firstRow - shift,
        lastRow: region.lastRow - shift,
      }));
      if (regions.length === 0) return null;
      const rendered = renderOutline(lines, regions, {
        ref: drop.ref,
        rules,
        maxCalls: MAX_NAMES,
        firstLineNumber: view?.firstNumber ?? 1,
      });
      outlined = view === null ? rendered.text : numberOutline(view, rendered.text, rendered.sourceRows);
    } finally {
      tree.delete();
    }
    if (!withinShare(context.ruler.count(outlined), inputSize(input, context.ruler), 1 - MIN_REDUCTION)) return null;
    return drop.result(outlined);
  }

  return { name: 'declarations', kinds: ['code'], compress };
}

/** The declarations compressor over the process-wide grammars (await `prepareCodeGrammars` once first). */
export const declarationsCompressor: Compressor = createDeclarationsCompressor();
