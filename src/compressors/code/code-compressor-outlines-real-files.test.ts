import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { CompressContext } from '../compressor.ts';
import { codeCompressor, prepareCodeGrammars } from './code-compressor.ts';
import { CODE_GRAMMARS, type CodeGrammar } from './code-languages.ts';
import { createGrammarRegistry } from './grammar-registry.ts';
import { outlineProblems } from './outline-problems.ts';
import {
  fixtureFiles,
  sourceFilesUnder,
  trajectoryPythonFiles,
  type SourceFile,
} from '../../testkit/code/real-source-files.ts';

const ruler = createTokenRuler('o200k_base');
const context = (profile: 'balanced' | 'aggressive'): CompressContext => ({ profile, ruler, conversation: '' });
// A separate registry, so the checks parse with parsers the compressor never touched.
const checker = createGrammarRegistry();

/** Every n-th file, so the sample spreads over all packages and stays a few seconds of work. */
function sample(files: readonly SourceFile[], language: CodeGrammar, most: number): SourceFile[] {
  const of = files.filter((f) => f.language === language && f.text.length < 200_000);
  const step = Math.max(1, Math.ceil(of.length / most));
  return of.filter((_, index) => index % step === 0);
}

const installed = sourceFilesUnder(path.join(environment.projectRoot, 'node_modules'));
const printed = trajectoryPythonFiles(path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs'));
const corpus: SourceFile[] = [
  ...sample(installed, 'javascript', 40),
  ...sample(installed, 'typescript', 40),
  ...sample(installed, 'cpp', 60),
  ...printed,
  ...fixtureFiles(),
];

beforeAll(async () => {
  await Promise.all([prepareCodeGrammars(), checker.prepare()]);
});

describe.each(['balanced', 'aggressive'] as const)('code compressor on real files (%s)', (profile) => {
  it('outlines parse clean, markers resolve to the original, kept lines are verbatim and in place', () => {
    const outlined = new Map<CodeGrammar, number>();
    const problems: string[] = [];
    for (const file of corpus) {
      const input = { text: file.text, kind: 'code' as const, language: file.language };
      const result = codeCompressor.compress(input, context(profile));
      if (result === null) continue;
      outlined.set(file.language, (outlined.get(file.language) ?? 0) + 1);
      const lookup = checker.parserFor(file.language);
      if (!lookup.ok) throw new Error(lookup.reason);
      for (const problem of outlineProblems(file.text, result.text, lookup.parser))
        problems.push(`${file.name}: ${problem}`);
      expect(result.lossy).toBe(true);
      expect(result.dropped).toHaveLength(1);
      expect(result.dropped[0]!.original).toBe(file.text);
      expect(ruler.count(result.text)).toBeLessThan(ruler.count(file.text));
      expect(codeCompressor.compress(input, context(profile))?.text, `${file.name} deterministic`).toBe(result.text);
      const again = codeCompressor.compress({ ...input, text: result.text }, context(profile));
      expect(again === null || again.text === result.text, `${file.name} idempotent`).toBe(true);
    }
    expect(problems).toEqual([]);
    // Languages no installed package ships are covered by one hand-written sample each.
    const expected: Record<CodeGrammar, number> = {
      python: printed.length > 0 ? 10 : 0,
      javascript: 10,
      typescript: 5,
      tsx: 1,
      go: 1,
      rust: 1,
      java: 1,
      cpp: 1,
    };
    for (const grammar of CODE_GRAMMARS)
      expect(outlined.get(grammar) ?? 0, grammar).toBeGreaterThanOrEqual(expected[grammar]);
  });
});

describe('code compressor on a Python file from a trajectory', () => {
  const file = printed.find((f) => f.name.endsWith('pylint/config/utils.py'));
  const input = { text: file?.text ?? '', kind: 'code' as const, language: 'python' };
  const bodyOf = (name: string): string => {
    const start = input.text.indexOf(`def ${name}(`);
    return input.text.slice(start, input.text.indexOf('\ndef ', start));
  };

  it.skipIf(file === undefined)('elides long bodies, keeping signatures and first docstring lines', () => {
    const result = codeCompressor.compress(input, context('balanced'));
    expect(result).not.toBeNull();
    expect(result!.text).toContain('def _preprocess_options(run: Run, args: Sequence[str]) -> list[str]:\n');
    expect(result!.text).not.toContain(bodyOf('_preprocess_options'));
    expect(result!.text).toMatch(/^ +# \[\[terse:[0-9a-f]{16} lines \d+-\d+ omitted; calls: /m);
    expect(ruler.count(result!.text)).toBeLessThan(ruler.count(input.text) * 0.7);
  });

  it.skipIf(file === undefined)('keeps the body of a function the conversation names', () => {
    const result = codeCompressor.compress(input, {
      ...context('balanced'),
      conversation: 'Is _preprocess_options skipping "--rcfile="?',
    });
    expect(result!.text).toContain(bodyOf('_preprocess_options'));
  });
});
