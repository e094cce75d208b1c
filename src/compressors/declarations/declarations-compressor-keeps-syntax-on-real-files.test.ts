import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { runCompressor } from '../../engine/run-compressor.ts';
import { codeCompressor, codeSyntaxCheck, prepareCodeGrammars } from '../code/code-compressor.ts';
import { CODE_GRAMMARS, type CodeGrammar } from '../code/code-languages.ts';
import { createGrammarRegistry } from '../code/grammar-registry.ts';
import { outlineProblems } from '../code/outline-problems.ts';
import { fixtureFiles, sourceFilesUnder, type SourceFile } from '../../testkit/code/real-source-files.ts';
import { systemSourceFiles } from '../../testkit/code/system-source-files.ts';
import { countSyntaxErrors } from '../code/syntax-errors.ts';
import { trajectoryViews } from '../code/trajectory-views.ts';
import type { CompressContext } from '../compressor.ts';
import { declarationsCompressor } from './declarations-compressor.ts';

const ruler = createTokenRuler('o200k_base');
const context = (profile: 'balanced' | 'aggressive'): CompressContext => ({ profile, ruler, conversation: '' });
// A separate registry, so the checks parse with parsers the compressor never touched.
const checker = createGrammarRegistry();

/** Every n-th file of a language, at most `most`, so the sample spreads over every package. */
function sample(files: readonly SourceFile[], language: CodeGrammar, most: number): SourceFile[] {
  const of = files.filter((f) => f.language === language && f.text.length < 200_000);
  const step = Math.max(1, Math.ceil(of.length / most));
  return of.filter((_, index) => index % step === 0);
}

// The files the code compressor leaves to a fallback: the repository's own small modules, installed
// packages, the Debian sources where CI installs them, and the hand-written samples.
const own = sourceFilesUnder(path.join(environment.projectRoot, 'src'));
const installed = sourceFilesUnder(path.join(environment.projectRoot, 'node_modules'));
const system = systemSourceFiles();
const corpus: SourceFile[] = [
  ...sample(own, 'typescript', 80),
  ...sample(installed, 'javascript', 60),
  ...sample(installed, 'typescript', 30),
  ...sample(installed, 'cpp', 30),
  ...CODE_GRAMMARS.flatMap((language) => sample(system, language, 30)),
  ...fixtureFiles(),
];

beforeAll(async () => {
  await Promise.all([prepareCodeGrammars(), checker.prepare()]);
});

describe.each(['balanced', 'aggressive'] as const)('declarations compressor on real files (%s)', (profile) => {
  it('drops whole declarations only: what the engine takes parses as the input did, kept lines verbatim, markers resolve', () => {
    const compressed = new Map<CodeGrammar, number>();
    const problems: string[] = [];
    const refused: string[] = [];
    for (const file of corpus) {
      const input = { text: file.text, kind: 'code' as const, language: file.language };
      // As the engine takes it: smaller, and parsing no worse than the input (tree-sitter may read a
      // line differently once lines before it are gone: rare, and then the engine refuses the result).
      const run = runCompressor(declarationsCompressor, input, context(profile), codeSyntaxCheck);
      if (run.state === 'threw') throw new Error(`${file.name}: ${run.error}`);
      if (run.state === 'declined' && run.reason === 'breaks-syntax') refused.push(file.name);
      if (run.state !== 'compressed') continue;
      const result = run.result;
      compressed.set(file.language, (compressed.get(file.language) ?? 0) + 1);
      const lookup = checker.parserFor(file.language);
      if (!lookup.ok) throw new Error(lookup.reason);
      for (const problem of outlineProblems(file.text, result.text, lookup.parser))
        problems.push(`${file.name}: ${problem}`);
      expect(result).toMatchObject({ lossy: true, dropped: [{ ref: contentRef(file.text), original: file.text }] });
      expect(
        findMarkers(result.text).every((marker) =>
          /^lines \d+-\d+ omitted(?:; declares: .+)?$/.test(marker.description),
        ),
        file.name,
      ).toBe(true);
      expect(ruler.count(result.text), file.name).toBeLessThan(ruler.count(file.text) * 0.9);
      expect(declarationsCompressor.compress(input, context(profile))?.text, `${file.name} deterministic`).toBe(
        result.text,
      );
      expect(
        declarationsCompressor.compress({ ...input, text: result.text }, context(profile)),
        `${file.name} idempotent`,
      ).toBeNull();
    }
    expect(problems).toEqual([]);
    expect(refused.length, refused.join(', ')).toBeLessThanOrEqual(corpus.length / 50);
    // Most of the repository's modules have bodies too short to outline, and declarations to drop.
    expect(compressed.get('typescript') ?? 0).toBeGreaterThanOrEqual(20);
    expect(compressed.get('javascript') ?? 0).toBeGreaterThanOrEqual(5);
  });
});

describe('declarations compressor beside the outline', () => {
  const file = own.find((f) => f.name === path.join('engine', 'block-outcome.ts'));

  it.skipIf(file === undefined)('takes a module the outline leaves alone and names what it dropped', () => {
    const input = { text: file!.text, kind: 'code' as const, language: 'typescript' };
    expect(codeCompressor.compress(input, context('balanced'))).toBeNull();
    const result = declarationsCompressor.compress(input, context('balanced'));
    expect(result).not.toBeNull();
    expect(result!.text).toContain("import type { DroppedOriginal } from '../compressors/compressor.ts';");
    expect(result!.text).toMatch(/^\/\/ \[\[terse:[0-9a-f]{16} lines \d+-\d+ omitted; declares: /m);
  });

  it.skipIf(file === undefined)('keeps a declaration the conversation names', () => {
    const input = { text: file!.text, kind: 'code' as const, language: 'typescript' };
    const plain = declarationsCompressor.compress(input, context('balanced'));
    const dropped = findMarkers(plain?.text ?? '').flatMap(
      (marker) => /declares: (.*)$/.exec(marker.description)?.[1]?.split(', ') ?? [],
    );
    expect(dropped.length).toBeGreaterThan(0);
    const named = dropped[0]!;
    const asked = declarationsCompressor.compress(input, {
      ...context('balanced'),
      conversation: `what does ${named} do?`,
    });
    expect(findMarkers(asked?.text ?? '').some((marker) => marker.description.includes(named))).toBe(false);
  });
});

describe('declarations compressor on the views of Python files agents printed', () => {
  const views = trajectoryViews(path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs'));
  const errorsIn = (text: string): number => {
    const lookup = checker.parserFor('python');
    if (!lookup.ok) throw new Error(lookup.reason);
    const tree = lookup.parser.parse(text)!;
    try {
      return countSyntaxErrors(tree.rootNode);
    } finally {
      tree.delete();
    }
  };

  it.skipIf(views.length === 0)(
    'drops whole statements of slices that start inside a function, kept lines verbatim, no syntax error added',
    () => {
      const problems: string[] = [];
      let compressed = 0;
      for (const view of views.filter((v) => v.shape !== 'cut')) {
        const input = { text: view.text, kind: 'code' as const, language: 'python' };
        const run = runCompressor(declarationsCompressor, input, context('balanced'), codeSyntaxCheck);
        if (run.state !== 'compressed') continue;
        compressed += 1;
        const lookup = checker.parserFor('python');
        if (!lookup.ok) throw new Error(lookup.reason);
        // The outline checks (rows, markers, syntax rule), and what the engine asks: no more errors than the view had.
        problems.push(...outlineProblems(view.text, run.result.text, lookup.parser).map((p) => `${view.name}: ${p}`));
        if (errorsIn(run.result.text) > errorsIn(view.text)) problems.push(`${view.name}: more syntax errors`);
      }
      expect(problems).toEqual([]);
      expect(compressed).toBeGreaterThan(5);
    },
  );
});
