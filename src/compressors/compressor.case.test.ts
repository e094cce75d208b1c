/**
 * The one conformance suite every shipped compressor runs (the store's suite, store-conformance.ts,
 * is the model): on real inputs of each kind it declares, under every profile, as the engine runs
 * it: never throws, never larger, code parsing no worse, deterministic, idempotent on its own output,
 * every marker resolving through a store to the exact input, no marker under `lossless`; and hostile
 * inputs pass unchanged or compress by the same rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { DEFAULT_REGISTRY } from '../engine/default-registry.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { createTokenRuler } from '../tokenize/token-ruler.ts';
import { CONTENT_KINDS, type ContentKind, type Profile } from '../types.ts';
import { grammarFor } from './code/code-languages.ts';
import { createGrammarRegistry } from './code/grammar-registry.ts';
import { createSyntaxCheck } from './code/syntax-verdict.ts';
import { countSyntaxErrors } from './code/syntax-errors.ts';
import { prepareCodeGrammars } from './code/code-compressor.ts';
import {
  checkCompressor,
  CONFORMANCE_CHECKS,
  HOSTILE_INPUTS,
  storeViolations,
  type ConformanceViolation,
} from '../testkit/compressors/compressor-conformance.ts';
import type { Compressor } from './compressor.ts';
import { realCompressorInputs, type RealInput } from '../testkit/compressors/real-compressor-inputs.ts';

const PROFILES: readonly Profile[] = ['lossless', 'balanced', 'aggressive'];
const PER_KIND = 30;
const HOOK_TIMEOUT_MS = 300_000;

/** Every shipped compressor once, in the order the registry first lists it. */
const SHIPPED: readonly Compressor[] = [...new Set(CONTENT_KINDS.flatMap((kind) => DEFAULT_REGISTRY[kind]))];

/**
 * Compressors that need not compress any real input, and why. Each other one must compress some:
 * a suite a compressor passes by declining everything would prove nothing.
 */
const MAY_COMPRESS_NOTHING: Readonly<Record<string, string>> = {};

const ruler = createTokenRuler('o200k_base');
const checker = createGrammarRegistry();
// The engine's rule, read with the checker's own parsers: settles results whose raw error count grew.
const judge = createSyntaxCheck(checker);
const store = createMemoryStore();

function countErrors(text: string, language: string): number | null {
  const grammar = grammarFor(language);
  const lookup = grammar === null ? null : checker.parserFor(grammar);
  if (lookup === null || !lookup.ok) return null;
  const tree = lookup.parser.parse(text);
  if (tree === null) return null;
  try {
    return countSyntaxErrors(tree.rootNode);
  } finally {
    tree.delete();
  }
}

let inputs: readonly RealInput[] = [];
let skipped: readonly string[] = [];
beforeAll(async () => {
  await Promise.all([prepareCodeGrammars(), checker.prepare()]);
  ({ inputs, skipped } = await realCompressorInputs(environment.projectRoot, environment.sharedDir, PER_KIND));
  if (skipped.length > 0) console.info(`suites skipped: ${skipped.join('; ')}`);
}, HOOK_TIMEOUT_MS);
afterAll(() => store.close());

const inputsFor = (compressor: Compressor): RealInput[] =>
  inputs.filter((input) => compressor.kinds.includes(input.kind));

describe.each(SHIPPED.map((compressor) => [compressor.name, compressor] as const))(
  '%s compressor conformance',
  (_name, compressor) => {
    const found = new Map<Profile, { violations: string[]; compressed: number; checked: number }>();

    beforeAll(async () => {
      for (const profile of PROFILES) {
        const violations: string[] = [];
        let compressed = 0;
        let checked = 0;
        for (const input of inputsFor(compressor)) {
          const language = input.language === undefined ? {} : { language: input.language };
          const context = { profile, ruler, conversation: input.conversation };
          const checkedResult = checkCompressor(
            compressor,
            { text: input.text, kind: input.kind, ...language },
            context,
            countErrors,
            judge,
          );
          const all: ConformanceViolation[] = [...checkedResult.violations];
          if (checkedResult.result !== null) {
            compressed += 1;
            all.push(...(await storeViolations(input.text, checkedResult.result, store)));
          }
          checked += 1;
          violations.push(...all.map((v) => `${v.check}: ${input.id} (${input.kind}): ${v.detail}`));
        }
        found.set(profile, { violations, compressed, checked });
      }
    }, HOOK_TIMEOUT_MS);

    it(`has real inputs of its kinds (${compressor.kinds.join(', ')})`, (context) => {
      if (inputsFor(compressor).length === 0 && skipped.length > 0)
        context.skip(`no real input of its kinds without ${skipped.join('; ')}`);
      expect(inputsFor(compressor).length).toBeGreaterThan(0);
    });

    it.each(PROFILES)('%s: keeps every invariant on every real input', (profile) => {
      const violations = found.get(profile)?.violations ?? [];
      for (const check of CONFORMANCE_CHECKS)
        expect(
          violations.filter((v) => v.startsWith(`${check}:`)),
          check,
        ).toEqual([]);
    });

    it('compresses some real input in a lossy profile', (context) => {
      const reason = MAY_COMPRESS_NOTHING[compressor.name];
      if (reason !== undefined) context.skip(reason);
      if (inputsFor(compressor).length === 0) context.skip('no real input of its kinds');
      const compressed = (found.get('balanced')?.compressed ?? 0) + (found.get('aggressive')?.compressed ?? 0);
      if (compressed === 0 && skipped.length > 0)
        context.skip(`none of its real inputs compresses without ${skipped.join('; ')}`);
      expect(compressed).toBeGreaterThan(0);
    });

    it(
      'passes hostile inputs unchanged, or compresses them by the same rules',
      async () => {
        const violations: string[] = [];
        for (const kind of compressor.kinds as readonly ContentKind[]) {
          for (const [index, text] of HOSTILE_INPUTS.entries()) {
            for (const profile of PROFILES) {
              const checked = checkCompressor(
                compressor,
                { text, kind, ...(kind === 'code' ? { language: 'python' } : {}) },
                { profile, ruler, conversation: '' },
                countErrors,
                judge,
              );
              const all = [
                ...checked.violations,
                ...(checked.result === null ? [] : await storeViolations(text, checked.result, store)),
              ];
              violations.push(...all.map((v) => `${v.check}: hostile #${index} as ${kind} (${profile}): ${v.detail}`));
            }
          }
        }
        expect(violations).toEqual([]);
      },
      HOOK_TIMEOUT_MS,
    );
  },
);

describe('the conformance suite', () => {
  it('runs every compressor the shipped registry serves', () => {
    expect(SHIPPED.map((compressor) => compressor.name).sort()).toEqual([
      'code',
      'declarations',
      'diagnostics',
      'diff',
      'git-log',
      'html',
      'json',
      'json-minify',
      'listing',
      'log',
      'pip',
      'pytest',
      'search',
      'table',
      'test-progress',
      'text',
      'traceback',
    ]);
  });
});
