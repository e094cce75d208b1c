import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CodeGrammar } from '../compressors/code/code-languages.ts';
import { createGrammarRegistry } from '../compressors/code/grammar-registry.ts';
import {
  fixtureFiles,
  sourceFilesUnder,
  trajectoryPythonFiles,
  type SourceFile,
} from '../testkit/code/real-source-files.ts';
import { countSyntaxErrors } from '../compressors/code/syntax-errors.ts';
import { systemSourceFiles } from '../testkit/code/system-source-files.ts';
import { textCompressor } from '../compressors/text/text-compressor.ts';
import { environment } from '../config.ts';
import { compressText } from './compress-text.ts';
import { DEFAULT_REGISTRY } from './default-registry.ts';
import { createEngine } from './create-engine.ts';
import { runCompressor } from './run-compressor.ts';

// Parsers the engine never touched count the errors.
const checker = createGrammarRegistry();
beforeAll(() => checker.prepare(), 60_000);

function errorsIn(text: string, language: CodeGrammar): number {
  const lookup = checker.parserFor(language);
  if (!lookup.ok) throw new Error(lookup.reason);
  const tree = lookup.parser.parse(text);
  if (tree === null) throw new Error(`no tree for ${language}`);
  try {
    return countSyntaxErrors(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** Every n-th file of each language, at most `most` of it. */
function spread(files: readonly SourceFile[], most: number): SourceFile[] {
  const languages = [...new Set(files.map((file) => file.language))];
  return languages.flatMap((language) => {
    const of = files.filter((file) => file.language === language && file.text.length < 300_000);
    const step = Math.max(1, Math.ceil(of.length / most));
    return of.filter((_, index) => index % step === 0);
  });
}

const own = sourceFilesUnder(path.join(environment.projectRoot, 'src'));
const files: SourceFile[] = [
  ...spread(own, 40),
  ...spread(sourceFilesUnder(path.join(environment.projectRoot, 'node_modules')), 40),
  ...spread(systemSourceFiles(), 25),
  ...trajectoryPythonFiles(path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs')),
  ...fixtureFiles(),
];

describe('code keeps its syntax, whoever compresses it', () => {
  it("refuses the text compressor's line-dropping on real modules, and says so", async () => {
    const setup = await createEngine({ registry: { ...DEFAULT_REGISTRY, code: [textCompressor] } });
    const context = { profile: 'balanced' as const, ruler: setup.ruler, conversation: '' };
    let refused = 0;
    for (const file of own.filter((f) => f.language === 'typescript').slice(0, 60)) {
      const alone = runCompressor(textCompressor, { text: file.text, kind: 'code', language: 'typescript' }, context);
      const outcome = await compressText(file.text, setup, { fileName: path.basename(file.name) });
      if (outcome.state === 'compressed')
        expect(errorsIn(outcome.text, 'typescript'), file.name).toBeLessThanOrEqual(errorsIn(file.text, 'typescript'));
      if (
        alone.state !== 'compressed' ||
        errorsIn(alone.result.text, 'typescript') <= errorsIn(file.text, 'typescript')
      )
        continue;
      expect(outcome, file.name).toMatchObject({ state: 'passed', reason: 'breaks-syntax' });
      refused += 1;
    }
    expect(refused).toBeGreaterThan(10);
  }, 120_000);

  it('sends every real source file, as `terse compress FILE` does, with no more syntax errors than it had', async () => {
    const setup = await createEngine({ profile: 'balanced' });
    const broken: string[] = [];
    const compressed = new Map<string, number>();
    for (const file of files) {
      const outcome = await compressText(file.text, setup, { fileName: path.basename(file.name) });
      if (outcome.state !== 'compressed') continue;
      compressed.set(file.language, (compressed.get(file.language) ?? 0) + 1);
      const before = errorsIn(file.text, file.language);
      const after = errorsIn(outcome.text, file.language);
      if (after > before) broken.push(`${file.name} (${outcome.compressor}): ${before} -> ${after} syntax errors`);
    }
    expect(broken).toEqual([]);
    for (const language of ['typescript', 'javascript', 'go', 'rust', 'java', 'cpp'] as const)
      expect(compressed.get(language) ?? 0, language).toBeGreaterThan(0);
  }, 300_000);
});
