/**
 * Measures one source file end to end as `terse compress FILE` does (the engine, detection hinted by
 * the file name, the profile asked for) and whether the output parses no worse than the input: as
 * many ERROR and MISSING nodes or fewer, in the grammar of the file's extension.
 */
import path from 'node:path';
import type { CodeGrammar } from '../../src/compressors/code/code-languages.ts';
import type { GrammarRegistry } from '../../src/compressors/code/grammar-registry.ts';
import type { SourceFile } from '../../src/testkit/code/real-source-files.ts';
import { countSyntaxErrors } from '../../src/compressors/code/syntax-errors.ts';
import { compressText } from '../../src/engine/compress-text.ts';
import type { EngineSetup } from '../../src/engine/engine-session.ts';

/** One file's measurement. */
export interface ValidityRow {
  readonly set: string;
  readonly name: string;
  readonly language: CodeGrammar;
  /** What the engine did: `kind/compressor`, or `kind/passed:reason`, or `kind/failed:compressor`. */
  readonly by: string;
  readonly tokensBefore: number;
  readonly tokensAfter: number;
  readonly errorsBefore: number;
  readonly errorsAfter: number;
  /** The output, exactly as the CLI prints it (a newline added when it lacks one). */
  readonly printed: string;
}

/** True when the output parses no worse than the input. */
export const isValid = (row: ValidityRow): boolean => row.errorsAfter <= row.errorsBefore;

function errorCount(checker: GrammarRegistry, language: CodeGrammar, text: string): number {
  const lookup = checker.parserFor(language);
  if (!lookup.ok) throw new Error(lookup.reason);
  const tree = lookup.parser.parse(text);
  if (tree === null) throw new Error(`tree-sitter returned no tree for ${language}`);
  try {
    return countSyntaxErrors(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** `file` through the engine as the CLI sends it, checked with parsers the engine never touched. */
export async function measureFile(
  set: string,
  file: SourceFile,
  setup: EngineSetup,
  checker: GrammarRegistry,
): Promise<ValidityRow> {
  const outcome = await compressText(file.text, setup, { fileName: path.basename(file.name) });
  const output = outcome.state === 'compressed' ? outcome.text : file.text;
  const kind = outcome.kind ?? '-';
  const errorsBefore = errorCount(checker, file.language, file.text);
  const by =
    outcome.state === 'compressed'
      ? `${kind}/${outcome.compressor}`
      : outcome.state === 'passed'
        ? `${kind}/passed:${outcome.reason}`
        : `${kind}/failed:${outcome.compressor}`;
  return {
    set,
    name: file.name,
    language: file.language,
    by,
    tokensBefore: outcome.tokensBefore,
    tokensAfter: outcome.tokensAfter,
    errorsBefore,
    errorsAfter: output === file.text ? errorsBefore : errorCount(checker, file.language, output),
    printed: output.endsWith('\n') ? output : `${output}\n`,
  };
}
