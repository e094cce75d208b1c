import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { CompressContext } from '../compressor.ts';
import { codeCompressor, prepareCodeGrammars } from './code-compressor.ts';
import type { CodeGrammar } from './code-languages.ts';
import { createGrammarRegistry } from './grammar-registry.ts';
import { outlineProblems } from './outline-problems.ts';
import { systemSourceFiles } from '../../testkit/code/system-source-files.ts';

const ruler = createTokenRuler('o200k_base');
const context: CompressContext = { profile: 'balanced', ruler, conversation: '' };
const checker = createGrammarRegistry();
const files = systemSourceFiles().filter((f) => f.text.length < 300_000);
const languages = (['go', 'rust', 'java', 'cpp'] as const).filter((l) => files.some((f) => f.language === l));

beforeAll(async () => {
  await Promise.all([prepareCodeGrammars(), checker.prepare()]);
});

describe.skipIf(languages.length === 0)(
  'code compressor on real Go, Rust, Java and C++ sources that Debian installs',
  () => {
    it.each(languages)(
      '%s: every outline parses clean, keeps lines verbatim, resolves and is idempotent',
      (language: CodeGrammar) => {
        const of = files.filter((f) => f.language === language);
        const step = Math.max(1, Math.ceil(of.length / 25));
        const problems: string[] = [];
        let outlined = 0;
        for (const file of of.filter((_, i) => i % step === 0)) {
          const input = { text: file.text, kind: 'code' as const, language };
          const result = codeCompressor.compress(input, context);
          if (result === null) continue;
          outlined++;
          const lookup = checker.parserFor(language);
          if (!lookup.ok) throw new Error(lookup.reason);
          for (const problem of outlineProblems(file.text, result.text, lookup.parser))
            problems.push(`${file.name}: ${problem}`);
          expect(result.dropped.map((d) => d.original)).toEqual([file.text]);
          expect(ruler.count(result.text)).toBeLessThan(ruler.count(file.text));
          const again = codeCompressor.compress({ ...input, text: result.text }, context);
          expect(again === null || again.text === result.text, `${file.name} idempotent`).toBe(true);
        }
        expect(problems).toEqual([]);
        expect(outlined, `${language}: some real files outline`).toBeGreaterThan(0);
      },
    );
  },
);
