/**
 * The `code` compressor: an outline of a source file on tree-sitter. Imports, declarations,
 * signatures, types, decorators, short bodies, bodies of symbols the conversation mentions, and the
 * first statement (and docstring line) of long bodies stay verbatim; the rest of each long body
 * becomes one marker comment per elided region, e.g.
 *
 *   # [[terse:3f9a0c1d2b4e5f60 lines 40-88 omitted; calls: foo, bar.baz]]
 *
 * Docstrings and long comments keep their first line; their tail becomes a marker that also closes
 * them (`    [[terse:<ref> lines 12-30 omitted]]"""`, ` * [[terse:<ref> lines 5-9 omitted]] *\/`).
 * "lines A-B" are 1-based lines of the original, which the ref returns whole; every other line of
 * the outline is an original line, in order. There is no header line: it would shift line numbers
 * and break shebangs and encoding lines. The outline is re-parsed, and it is used only when it has
 * no ERROR or MISSING node and is smaller in tokens; otherwise the block is left as is.
 */
import type { Edit, Parser, Tree } from 'web-tree-sitter';
import { contentRef } from '../../store/marker.ts';
import type { Profile } from '../../types.ts';
import type { CompressContext, CompressInput, CompressResult, Compressor } from '../compressor.ts';
import { LANGUAGE_RULES, grammarFor, type CodeGrammar } from './code-languages.ts';
import { createGrammarRegistry, type GrammarRegistry } from './grammar-registry.ts';
import { mentionedNames } from './mentioned-names.ts';
import { outlineEdits } from './outline-edits.ts';
import { planElisions, type OutlineOptions } from './plan-elisions.ts';
import { renderOutline } from './render-outline.ts';
import { SourceLines } from './source-lines.ts';
import { firstErrorRow } from './syntax-errors.ts';

/** What an outline keeps under each lossy profile (`lossless` never outlines). */
export const OUTLINE_PROFILES: Readonly<Record<Exclude<Profile, 'lossless'>, OutlineOptions>> = {
  balanced: { shortBodyLines: 8, headMaxLines: 2, minElidedLines: 3, maxCalls: 6 },
  aggressive: { shortBodyLines: 5, headMaxLines: 1, minElidedLines: 2, maxCalls: 3 },
};

/** A compress answer with the reason it is null (or null when there is a result). */
export interface CodeCompressAttempt {
  readonly result: CompressResult | null;
  readonly reason: string | null;
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
}

const sharedRegistry = createGrammarRegistry();

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

const skip = (reason: string): CodeCompressAttempt => ({ result: null, reason });

/**
 * Row of the outline's first syntax error, or null when it parses clean. With edits, the original
 * tree is edited into the outline's shape and re-parsed incrementally (it is spent afterwards).
 */
function reparseErrorRow(parser: Parser, original: Tree, outlined: string, edits: readonly Edit[] | null): number | null {
  if (edits !== null) for (const edit of edits) original.edit(edit);
  const check = parser.parse(outlined, edits === null ? null : original);
  if (check === null) return 0;
  try {
    return firstErrorRow(check.rootNode);
  } finally {
    check.delete();
  }
}

/** A code compressor over `options.registry`. */
export function createCodeCompressor(options: CodeCompressorOptions = {}): CodeCompressor {
  const registry = options.registry ?? sharedRegistry;
  const maxInputChars = options.maxInputChars ?? 4_000_000;
  const maxAverageLineLength = options.maxAverageLineLength ?? 200;

  function attempt(input: CompressInput, context: CompressContext): CodeCompressAttempt {
    if (context.profile === 'lossless') return skip('lossless profile keeps code whole');
    if (input.language === undefined) return skip('no language given');
    const grammar = grammarFor(input.language);
    if (grammar === null) return skip(`no grammar for language ${input.language}`);
    const outline = OUTLINE_PROFILES[context.profile];
    const text = input.text;
    if (text.length > maxInputChars) return skip(`input of ${text.length} chars is over the ${maxInputChars} limit`);
    const lines = new SourceLines(text);
    // A body must be longer than the short limit, so shorter files have nothing to elide.
    if (lines.count <= outline.shortBodyLines + 2) return skip(`only ${lines.count} lines`);
    if (text.length / lines.count > maxAverageLineLength) return skip('lines too long: looks minified or generated');
    const lookup = registry.parserFor(grammar);
    if (!lookup.ok) return skip(lookup.reason);
    const rules = LANGUAGE_RULES[grammar];
    const tree = lookup.parser.parse(text);
    if (tree === null) return skip(`tree-sitter returned no tree for ${grammar}`);
    const ref = contentRef(text);
    let outlined: string;
    try {
      const errorRow = firstErrorRow(tree.rootNode);
      if (errorRow !== null) return skip(`source does not parse cleanly as ${grammar} (line ${errorRow + 1})`);
      const regions = planElisions(tree.rootNode, lines, rules, outline, mentionedNames(context.conversation));
      if (regions.length === 0) return skip('no long function body to elide');
      const rendered = renderOutline(lines, regions, { ref, rules, maxCalls: outline.maxCalls });
      outlined = rendered.text;
      const outlineErrorRow = reparseErrorRow(lookup.parser, tree, outlined, outlineEdits(lines, rendered.replacements));
      if (outlineErrorRow !== null) return skip(`outline does not parse cleanly as ${grammar} (outline line ${outlineErrorRow + 1})`);
    } finally {
      tree.delete();
    }
    if (context.ruler.count(outlined) >= context.ruler.count(text)) return skip('outline is not smaller in tokens');
    return { result: { text: outlined, lossy: true, dropped: [{ ref, original: text }] }, reason: null };
  }

  function compressWithReason(input: CompressInput, context: CompressContext): CodeCompressAttempt {
    try {
      return attempt(input, context);
    } catch (error) {
      // Fail open: a grammar or wasm fault must never take the block down with it.
      return skip(`code outline failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    name: 'code',
    kinds: ['code'],
    compressWithReason,
    compress: (input, context) => compressWithReason(input, context).result,
  };
}

/** The code compressor over the process-wide grammars (await `prepareCodeGrammars` once first). */
export const codeCompressor: CodeCompressor = createCodeCompressor();

/** `codeCompressor.compressWithReason`: the result, or null and why. */
export function compressWithReason(input: CompressInput, context: CompressContext): CodeCompressAttempt {
  return codeCompressor.compressWithReason(input, context);
}
