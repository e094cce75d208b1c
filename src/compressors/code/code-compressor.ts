/**
 * The `code` compressor: an outline of a source file on tree-sitter. Imports, declarations,
 * signatures, types, decorators, short bodies, bodies of symbols the conversation mentions, and the
 * first statement (and docstring line) of long bodies stay verbatim; the rest of each long body
 * becomes one marker comment per elided region, e.g.
 *
 *   # [[terse:3f9a0c1d2b4e5f60 lines 40-88 omitted; calls: foo, bar.baz]]
 *
 * Long lists of data (object literals, arrays, C tables, `.d.ts` members, macro runs) keep their
 * first element and what nests code; each run of the rest becomes one marker comment that names the
 * keys it dropped (plan-list-elisions.ts).
 *
 * Docstrings and long comments keep their first line; their tail becomes a marker that also closes
 * them (`    [[terse:<ref> lines 12-30 omitted]]"""`, ` * [[terse:<ref> lines 5-9 omitted]] *\/`).
 * "lines A-B" are 1-based lines of the original, which the ref returns whole; every other line of
 * the outline is an original line, in order. There is no header line: it would shift line numbers
 * and break shebangs and encoding lines.
 *
 * What agents print is often not a whole file. A line-numbered view (`nl -ba`, `cat -n`, `N:code`)
 * is outlined without its numbers and every kept line gets its own numbered line back; its markers
 * name the view's own numbers. A Python slice (`sed -n 'A,Bp'`, one half of an output the agent cut)
 * that starts inside a body, a docstring or a call, or ends inside one, is outlined as the whole file
 * its frame makes of it: a few synthetic lines before and after that make it parse clean
 * (python-fragment-frame.ts), the innermost block the slice starts in a function whose tail can be
 * outlined too; the frame's lines never reach the output. A fragment only cut at its end (`head -n
 * 600 parser.c`) is outlined likewise as the whole file that closing its open brackets makes of it
 * (truncated-fragment.ts). Any other fragment does not parse cleanly: only functions (and, unless
 * errors fill much of it, lists) clear of its syntax errors are outlined, the rest stays verbatim.
 * The outline is re-parsed: a whole file's (a framed one's, framed alike) must have no ERROR or
 * MISSING node, a fragment's may keep only the errors it copied verbatim; and it must save at least
 * `minReduction` of the tokens. Otherwise the block is left to the next compressor.
 */
import type { Profile } from '../../types.ts';
import { MARKER_OPENING } from '../../store/marker.ts';
import { withinShare } from '../../tokenize/token-size.ts';
import { dropInput } from '../lossy-result.ts';
import {
  inputSize,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { LANGUAGE_RULES, grammarFor, type CodeGrammar } from './code-languages.ts';
import { checkedOutline } from './checked-outline.ts';
import { completeSource, type CompletedSource } from './completed-source.ts';
import { brokenHeadRows } from './cut-head.ts';
import { fragmentRows, withoutFrame } from './fragment-frame.ts';
import { createGrammarRegistry, type GrammarRegistry } from './grammar-registry.ts';
import { mentionedNames } from './mentioned-names.ts';
import { looksNumbered, numberOutline, parseNumberedView } from './numbered-view.ts';
import { planElisions, type OutlineOptions } from './plan-elisions.ts';
import { parseShared } from './shared-parse.ts';
import { SourceLines } from './source-lines.ts';
import { errorShare, errorSpans } from './syntax-errors.ts';
import { createSyntaxCheck, type SyntaxCheck } from './syntax-verdict.ts';

/** What an outline keeps under each lossy profile (`lossless` never outlines). */
export const OUTLINE_PROFILES: Readonly<Record<Exclude<Profile, 'lossless'>, OutlineOptions>> = {
  balanced: { shortBodyLines: 6, headMaxLines: 1, minElidedLines: 3, maxCalls: 5, minElidedListChars: 400 },
  aggressive: { shortBodyLines: 5, headMaxLines: 1, minElidedLines: 2, maxCalls: 3, minElidedListChars: 280 },
};

/** What the compressor took the input for, once it got that far. */
export interface CodeView {
  /** A line-numbered view whose numbers were set aside while outlining. */
  readonly numbered: boolean;
  /** The code has syntax errors (a slice or a cut output): the fragment rule applied. */
  readonly fragment: boolean;
}

/** A compress answer with the reason it is null (or null when there is a result). */
export interface CodeCompressAttempt {
  readonly result: CompressResult | null;
  readonly reason: string | null;
  /** Null when the input was turned away before it was parsed. */
  readonly view: CodeView | null;
}

/** The code compressor, plus the reason-giving call it wraps. */
export interface CodeCompressor extends Compressor {
  compressWithReason(input: CompressInput, context: CompressContext): CodeCompressAttempt;
}

/** Options of `createCodeCompressor`, resolved once. */
export interface CodeCompressorOptions {
  /** Where parsers come from. @default the process-wide registry `prepareCodeGrammars` fills */
  readonly registry?: GrammarRegistry;
  /** Larger inputs pass unchanged (parsing time grows with size). @default 4_000_000 */
  readonly maxInputChars?: number;
  /** Minified or generated text (longer average lines) passes unchanged. @default 200 */
  readonly maxAverageLineLength?: number;
  /**
   * Share of tokens an outline must save, else it is not used and the next compressor for `code`
   * gets the block: an outline that touches almost nothing still costs a marker and the retrieval tool.
   * @default 0.1
   */
  readonly minReduction?: number;
}

/** Where a part of a larger input sits in it (see `attempt`). */
interface Placement {
  readonly ref: string;
  readonly rowOffset: number;
}

const sharedRegistry = createGrammarRegistry();
// Share of a fragment's rows in syntax errors above which its lists are left alone.
const MAX_LIST_ERROR_SHARE = 0.1;

/** Loads the grammars for `languages` (every supported one by default); resolves even when one fails. */
export async function prepareCodeGrammars(languages?: readonly string[]): Promise<void> {
  if (languages === undefined) return sharedRegistry.prepare();
  const grammars = new Set<CodeGrammar>();
  for (const language of languages) {
    const grammar = grammarFor(language);
    if (grammar !== null) grammars.add(grammar);
  }
  return sharedRegistry.prepare([...grammars]);
}

const skip = (reason: string, view: CodeView | null = null): CodeCompressAttempt => ({ result: null, reason, view });

/** A code compressor over `options.registry`. */
export function createCodeCompressor(options: CodeCompressorOptions = {}): CodeCompressor {
  const registry = options.registry ?? sharedRegistry;
  const maxInputChars = options.maxInputChars ?? 4_000_000;
  const maxAverageLineLength = options.maxAverageLineLength ?? 200;
  const minReduction = options.minReduction ?? 0.1;

  /**
   * `placement` outlines the rest of a fragment whose head stays as it came: its markers point at the
   * whole input (`ref`) and count lines from where the rest starts in it.
   */
  function attempt(input: CompressInput, context: CompressContext, placement?: Placement): CodeCompressAttempt {
    if (context.profile === 'lossless') return skip('lossless profile keeps code whole');
    if (input.language === undefined) return skip('no language given');
    const grammar = grammarFor(input.language);
    if (grammar === null) return skip(`no grammar for language ${input.language}`);
    const outline = OUTLINE_PROFILES[context.profile];
    const text = input.text;
    if (text.length > maxInputChars) return skip(`input of ${text.length} chars is over the ${maxInputChars} limit`);
    const numbered = parseNumberedView(text);
    // Numbered text with gaps (grep -n, or a view already outlined) would parse as noise: leave it.
    if (numbered === null && looksNumbered(text)) return skip('line-numbered text that is not one contiguous view');
    const code = numbered?.code ?? text;
    const lines = new SourceLines(code);
    // A body must be longer than the short limit, so shorter files have nothing to elide.
    if (lines.count <= outline.shortBodyLines + 2) return skip(`only ${lines.count} lines`);
    if (code.length / lines.count > maxAverageLineLength) return skip('lines too long: looks minified or generated');
    const lookup = registry.parserFor(grammar);
    if (!lookup.ok) return skip(lookup.reason);
    const rules = LANGUAGE_RULES[grammar];
    const tree = parseShared(lookup.parser, code);
    if (tree === null) return skip(`tree-sitter returned no tree for ${grammar}`);
    const drop = dropInput(text);
    let outlined: string;
    let view: CodeView = { numbered: numbered !== null, fragment: false };
    let completed: CompletedSource | null = null;
    try {
      const errors = errorSpans(tree.rootNode);
      view = { ...view, fragment: errors.length > 0 };
      // A fragment is outlined as the whole file its frame makes of it, when one does (completed-source.ts).
      completed = completeSource(lookup.parser, grammar, code, tree, errors);
      const source =
        completed === null
          ? { lines, tree, errors, within: undefined, shift: 0 }
          : {
              lines: new SourceLines(completed.text),
              tree: completed.tree,
              errors: [],
              within: fragmentRows(completed.frame, lines.count),
              shift: completed.frame.before.length,
            };
      // Lists in a fragment that is mostly errors are examples quoted in prose: the text compressor reads those better.
      const withLists = errorShare(source.errors, source.lines.count) <= MAX_LIST_ERROR_SHARE;
      const regions = planElisions(
        source.tree.rootNode,
        source.lines,
        rules,
        outline,
        mentionedNames(context.conversation, context.latest),
        {
          avoid: source.errors,
          withLists,
          ...(source.within === undefined ? {} : { within: source.within }),
        },
      );
      if (regions.length === 0)
        return skip(
          view.fragment && completed === null
            ? "no long function body or list clear of the fragment's syntax errors"
            : 'no long function body or list to elide',
          view,
        );
      const style = {
        ref: placement?.ref ?? drop.ref,
        rules,
        maxCalls: outline.maxCalls,
        // Rows of a framed fragment count from the frame's first line; markers count from the fragment's.
        firstLineNumber: (numbered?.firstNumber ?? 1) + (placement?.rowOffset ?? 0) - source.shift,
      };
      const checked = checkedOutline(lookup.parser, source.tree, source.lines, regions, style, source.errors);
      if (!checked.ok) {
        const rule =
          completed !== null
            ? 'does not parse cleanly in its frame'
            : view.fragment
              ? 'brings a syntax error into the fragment'
              : 'does not parse cleanly';
        return skip(`outline ${rule} as ${grammar} (outline line ${checked.errorRow + 1})`, view);
      }
      const rendered = completed === null ? checked.rendered : withoutFrame(checked.rendered, completed.frame);
      outlined = numbered === null ? rendered.text : numberOutline(numbered, rendered.text, rendered.sourceRows);
    } finally {
      tree.delete();
      completed?.tree.delete();
    }
    const size = inputSize(input, context.ruler);
    const after = context.ruler.count(outlined);
    if (!withinShare(after, size, 1 - minReduction)) {
      const before = size.exact();
      return skip(
        `outline saves ${((1 - after / before) * 100).toFixed(1)}% of tokens, under ${minReduction * 100}%`,
        view,
      );
    }
    return { result: drop.result(outlined), reason: null, view };
  }

  /** A fragment cut at its start that nothing could outline: its head as it came, the rest outlined (cut-head.ts). */
  function attemptPastHead(
    input: CompressInput,
    context: CompressContext,
    first: CodeCompressAttempt,
  ): CodeCompressAttempt {
    const grammar = input.language === undefined ? null : grammarFor(input.language);
    // An outline already holds markers: outlining its rest again would point at the outline, not the file.
    if (
      first.result !== null ||
      first.view === null ||
      !first.view.fragment ||
      first.view.numbered ||
      grammar !== 'python' ||
      input.text.includes(MARKER_OPENING)
    )
      return first;
    const lookup = registry.parserFor(grammar);
    if (!lookup.ok) return first;
    const headRows = brokenHeadRows(lookup.parser, input.text);
    if (headRows === null) return first;
    const rows = input.text.split('\n');
    const head = rows.slice(0, headRows).join('\n');
    const drop = dropInput(input.text);
    const rest = attempt(
      { text: rows.slice(headRows).join('\n'), kind: input.kind, language: input.language },
      context,
      { ref: drop.ref, rowOffset: headRows },
    );
    if (rest.result === null) return first;
    const text = `${head}\n${rest.result.text}`;
    if (!withinShare(context.ruler.count(text), inputSize(input, context.ruler), 1 - minReduction)) return first;
    return { result: drop.result(text), reason: null, view: first.view };
  }

  function compressWithReason(input: CompressInput, context: CompressContext): CodeCompressAttempt {
    try {
      return attemptPastHead(input, context, attempt(input, context));
    } catch (error) {
      // A grammar or wasm fault, given as the reason (the engine's `compress` gets the throw and records it).
      return skip(`code outline failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    name: 'code',
    kinds: ['code'],
    compressWithReason,
    compress: (input, context) => attemptPastHead(input, context, attempt(input, context)).result,
  };
}

/** The process-wide grammars (`prepareCodeGrammars` loads them), for what else reads code. */
export const codeGrammars: GrammarRegistry = sharedRegistry;

/** Judges any compressor's result for code against its input, over the process-wide grammars (await `prepareCodeGrammars` once first). */
export const codeSyntaxCheck: SyntaxCheck = createSyntaxCheck(sharedRegistry);

/** The code compressor over the process-wide grammars (await `prepareCodeGrammars` once first). */
export const codeCompressor: CodeCompressor = createCodeCompressor();

/** `codeCompressor.compressWithReason`: the result, or null and why. */
export function compressWithReason(input: CompressInput, context: CompressContext): CodeCompressAttempt {
  return codeCompressor.compressWithReason(input, context);
}
