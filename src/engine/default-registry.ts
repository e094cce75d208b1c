/** The compressors terse ships, by the content kind they serve, in the order they are tried. */
import { codeCompressor, prepareCodeGrammars } from '../compressors/code/code-compressor.ts';
import { declarationsCompressor } from '../compressors/declarations/declarations-compressor.ts';
import { diagnosticsCompressor } from '../compressors/diagnostics/diagnostics-compressor.ts';
import { diffCompressor } from '../compressors/diff/diff-compressor.ts';
import { gitLogCompressor } from '../compressors/git-log/git-log-compressor.ts';
import { htmlCompressor } from '../compressors/html/html-compressor.ts';
import { jsonCompressor } from '../compressors/json/json-compressor.ts';
import { jsonMinify } from '../compressors/json/json-minify.ts';
import { listingCompressor } from '../compressors/listing/listing-compressor.ts';
import { logCompressor } from '../compressors/log/log-compressor.ts';
import { pipCompressor } from '../compressors/pip/pip-compressor.ts';
import { pytestCompressor } from '../compressors/pytest/pytest-compressor.ts';
import { searchCompressor } from '../compressors/search/search-compressor.ts';
import { tableCompressor } from '../compressors/table/table-compressor.ts';
import { textCompressor } from '../compressors/text/text-compressor.ts';
import { testProgressCompressor } from '../compressors/test-progress/test-progress-compressor.ts';
import { tracebackCompressor } from '../compressors/traceback/traceback-compressor.ts';
import type { CompressorRegistry } from './compressor-registry.ts';

/**
 * Every shipped compressor; configurations narrow it with `compressors: [...]`. Code no outline pays
 * for loses whole declarations instead, and reaches the text compressor last (the engine takes any
 * result for code only when it parses no worse than the input); a compiler's report read as a log,
 * a table or search hits goes to the diagnostics compressor first, and a pytest failure report read
 * as code, text or a log to the pytest compressor; directory listings (`ls -l`, `ls -R`, `find`, `tree`), `pip install` output, `git log`, verbose test runs and
 * Python tracebacks read as text (or a log) have compressors of their own ahead of the text
 * compressor's line-dropping, and so do tracebacks read as code (frames pasted without their
 * `Traceback (most recent call last):` line; the syntax check still judges the result); `mixed` is split, never served whole (its wrapped payloads first go whole to the report readers,
 * see whole-report.ts).
 */
export const DEFAULT_REGISTRY: CompressorRegistry = {
  json: [jsonCompressor, jsonMinify],
  code: [
    pytestCompressor,
    testProgressCompressor,
    tracebackCompressor,
    codeCompressor,
    declarationsCompressor,
    textCompressor,
  ],
  log: [diagnosticsCompressor, pytestCompressor, testProgressCompressor, logCompressor, tracebackCompressor],
  search: [diagnosticsCompressor, searchCompressor],
  diff: [diffCompressor],
  html: [htmlCompressor],
  table: [diagnosticsCompressor, tableCompressor],
  text: [
    pytestCompressor,
    testProgressCompressor,
    listingCompressor,
    pipCompressor,
    gitLogCompressor,
    tracebackCompressor,
    textCompressor,
  ],
  mixed: [],
};

/** Loads what the shipped compressors need before their first block (tree-sitter grammars). */
export async function prepareDefaultRegistry(): Promise<void> {
  await prepareCodeGrammars();
}
