/**
 * Bench of the code compressor on real source files: per language, how many files, how many were
 * outlined, % of outlines that parse clean (checked independently), median token reduction on
 * files of 200+ lines, and throughput (compress, parsing included; the input's token count is
 * taken before, as the engine does) beside tree-sitter's own parse-only throughput on the same files.
 * A second table covers the views agents print that are not whole files (line-numbered views,
 * `sed -n` slices, the halves of a cut output, from the trajectories): per shape, how many were
 * outlined, as numbered views and as fragments, % valid (kept lines verbatim and in place, markers
 * resolve, no syntax error brought in), and median token reduction.
 *
 *   npx tsx scripts/bench-code.ts [--profile balanced|aggressive] [extra source folder...]
 */
import path from 'node:path';
import { median } from 'simple-statistics';
import { environment } from '../src/config.ts';
import { createCodeCompressor, prepareCodeGrammars } from '../src/compressors/code/code-compressor.ts';
import { CODE_GRAMMARS, type CodeGrammar } from '../src/compressors/code/code-languages.ts';
import { createGrammarRegistry } from '../src/compressors/code/grammar-registry.ts';
import { outlineProblems } from '../src/compressors/code/outline-problems.ts';
import { trajectoryViews, type ViewShape } from '../src/compressors/code/trajectory-views.ts';
import {
  fixtureFiles,
  sourceFilesUnder,
  trajectoryPythonFiles,
  type SourceFile,
} from '../src/testkit/code/real-source-files.ts';
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';

/** One file's measurement. */
interface FileRow {
  readonly language: CodeGrammar;
  readonly lines: number;
  readonly chars: number;
  readonly outlined: boolean;
  readonly valid: boolean;
  /** 1 - tokens after / tokens before; 0 when the file passed unchanged. */
  readonly reduction: number;
  readonly compressMs: number;
  readonly parseMs: number;
}

function parseArgs(argv: readonly string[]): { profile: 'balanced' | 'aggressive'; extraDirs: string[] } {
  let profile: 'balanced' | 'aggressive' = 'balanced';
  const extraDirs: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--profile') {
      profile = argv[i + 1] === 'aggressive' ? 'aggressive' : 'balanced';
      i += 1;
    } else {
      extraDirs.push(argv[i]!);
    }
  }
  return { profile, extraDirs };
}

const { profile, extraDirs } = parseArgs(process.argv.slice(2));

const trajectoryDir = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const files: SourceFile[] = [
  ...sourceFilesUnder(path.join(environment.projectRoot, 'node_modules')),
  ...trajectoryPythonFiles(trajectoryDir),
  ...fixtureFiles(),
  ...extraDirs.flatMap((dir) => sourceFilesUnder(path.resolve(dir))),
];

await prepareCodeGrammars();
const compressor = createCodeCompressor();
const checker = createGrammarRegistry();
await checker.prepare();
const ruler = createTokenRuler(environment.tokenizer);

function measure(file: SourceFile): FileRow {
  const lookup = checker.parserFor(file.language);
  if (!lookup.ok) throw new Error(lookup.reason);
  const parseStarted = performance.now();
  lookup.parser.parse(file.text)?.delete();
  const parseMs = performance.now() - parseStarted;
  // The engine counts every block before it calls a compressor, with the same caching ruler; so
  // does the bench, so the timing below holds what a compressor adds: outline, check, output count.
  const tokensBefore = ruler.count(file.text);
  const started = performance.now();
  const result = compressor.compress(
    { text: file.text, kind: 'code', language: file.language },
    { profile, ruler, conversation: '' },
  );
  const compressMs = performance.now() - started;
  const valid = result === null || outlineProblems(file.text, result.text, lookup.parser).length === 0;
  const reduction = result === null ? 0 : 1 - ruler.count(result.text) / tokensBefore;
  return {
    language: file.language,
    lines: file.text.split('\n').length,
    chars: file.text.length,
    outlined: result !== null,
    valid,
    reduction,
    compressMs,
    parseMs,
  };
}

// Warm each grammar (wasm compilation, first-parse allocations) before anything is timed.
for (const language of CODE_GRAMMARS) {
  const warm = files.find((f) => f.language === language);
  if (warm !== undefined) measure(warm);
}
const rows = files.map(measure);

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const rate = (chars: number, ms: number): string => (ms === 0 ? '-' : `${(chars / 1e3 / ms).toFixed(2)}`);
console.log(
  `code compressor bench: profile ${profile}, tokenizer ${ruler.name}, node ${process.version}, ${rows.length} files`,
);
console.log(
  '| language | files | outlined | valid | 200+ line files | median reduction (200+, outlined) | median reduction (200+, all) | MB/s compress | MB/s parse only |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const language of [...CODE_GRAMMARS, 'all'] as const) {
  const of = rows.filter((row) => language === 'all' || row.language === language);
  if (of.length === 0) continue;
  const outlined = of.filter((row) => row.outlined);
  const long = of.filter((row) => row.lines >= 200);
  const longOutlined = long.filter((row) => row.outlined);
  const chars = of.reduce((sum, row) => sum + row.chars, 0);
  const compressMs = of.reduce((sum, row) => sum + row.compressMs, 0);
  const parseMs = of.reduce((sum, row) => sum + row.parseMs, 0);
  const cells = [
    language,
    of.length,
    outlined.length,
    outlined.length === 0 ? '-' : percent(outlined.filter((row) => row.valid).length / outlined.length),
    long.length,
    longOutlined.length === 0 ? '-' : percent(median(longOutlined.map((row) => row.reduction))),
    long.length === 0 ? '-' : percent(median(long.map((row) => row.reduction))),
    rate(chars, compressMs),
    rate(chars, parseMs),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

/** One printed view's measurement. */
interface ViewRow {
  readonly shape: ViewShape;
  readonly outlined: boolean;
  readonly numbered: boolean;
  readonly fragment: boolean;
  readonly valid: boolean;
  readonly reduction: number;
  readonly tokensBefore: number;
  readonly tokensAfter: number;
}

function measureView(view: { shape: ViewShape; text: string }): ViewRow {
  const lookup = checker.parserFor('python');
  if (!lookup.ok) throw new Error(lookup.reason);
  const attempt = compressor.compressWithReason(
    { text: view.text, kind: 'code', language: 'python' },
    { profile, ruler, conversation: '' },
  );
  const result = attempt.result;
  return {
    shape: view.shape,
    outlined: result !== null,
    numbered: result !== null && attempt.view?.numbered === true,
    fragment: result !== null && attempt.view?.fragment === true,
    valid: result === null || outlineProblems(view.text, result.text, lookup.parser).length === 0,
    reduction: result === null ? 0 : 1 - ruler.count(result.text) / ruler.count(view.text),
    tokensBefore: ruler.count(view.text),
    tokensAfter: result === null ? ruler.count(view.text) : ruler.count(result.text),
  };
}

const viewRows = trajectoryViews(trajectoryDir).map(measureView);
console.log(`\nviews agents printed (trajectories): ${viewRows.length} views`);
console.log(
  '| shape | views | outlined | as numbered view | as fragment | valid | median reduction (outlined) | median reduction (all) | tokens saved (all) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const shape of ['numbered', 'slice', 'cut', 'all'] as const) {
  const of = viewRows.filter((row) => shape === 'all' || row.shape === shape);
  if (of.length === 0) continue;
  const outlined = of.filter((row) => row.outlined);
  const cells = [
    shape,
    of.length,
    outlined.length,
    of.filter((row) => row.numbered).length,
    of.filter((row) => row.fragment).length,
    outlined.length === 0 ? '-' : percent(outlined.filter((row) => row.valid).length / outlined.length),
    outlined.length === 0 ? '-' : percent(median(outlined.map((row) => row.reduction))),
    percent(median(of.map((row) => row.reduction))),
    percent(1 - of.reduce((sum, row) => sum + row.tokensAfter, 0) / of.reduce((sum, row) => sum + row.tokensBefore, 0)),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
