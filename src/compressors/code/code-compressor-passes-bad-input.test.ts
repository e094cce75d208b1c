import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { runCompressor } from '../../engine/run-compressor.ts';
import type { CompressContext, CompressInput } from '../compressor.ts';
import { codeCompressor, createCodeCompressor, prepareCodeGrammars } from './code-compressor.ts';
import { createGrammarRegistry, type GrammarRegistry } from './grammar-registry.ts';
import { outlineProblems } from './outline-problems.ts';
import { FIXTURES_DIR } from '../../testkit/code/real-source-files.ts';

const ruler = createTokenRuler('o200k_base');
const balanced: CompressContext = { profile: 'balanced', ruler, conversation: '' };
const go = readFileSync(path.join(FIXTURES_DIR, 'ring-cache.go'), 'utf8');
const rust = readFileSync(path.join(FIXTURES_DIR, 'token-bucket.rs'), 'utf8');
const code = (text: string, language?: string): CompressInput => ({
  text,
  kind: 'code',
  ...(language ? { language } : {}),
});

beforeAll(() => prepareCodeGrammars(['go', 'javascript', 'python', 'rust']));

describe('code compressor passes bad input unchanged, with a reason', () => {
  it('skips a 2 MB minified line without parsing it', () => {
    const minified = Array.from({ length: 60_000 }, (_, i) => `function f${i}(a){return a+${i}}`).join(';');
    expect(minified.length).toBeGreaterThan(2_000_000);
    const started = performance.now();
    const attempt = codeCompressor.compressWithReason(code(minified, 'javascript'), balanced);
    expect(performance.now() - started).toBeLessThan(500);
    expect(attempt).toEqual({ result: null, reason: 'only 1 lines', view: null });
    const bundle = Array.from({ length: 40 }, () => minified.slice(0, 50_000)).join('\n');
    expect(codeCompressor.compressWithReason(code(bundle, 'javascript'), balanced).reason).toMatch(/looks minified/);
  });

  it('outlines only the clean functions of a file mixing two languages, or of invalid source', async () => {
    const registry = createGrammarRegistry();
    await registry.prepare(['go']);
    const lookup = registry.parserFor('go');
    if (!lookup.ok) throw new Error(lookup.reason);
    const mixed = `${go}\n\ndef main():\n    print("hello")\n`;
    const outlinedMixed = codeCompressor.compressWithReason(code(mixed, 'go'), balanced);
    expect(outlinedMixed.view).toEqual({ numbered: false, fragment: true });
    expect(outlinedMixed.result!.text.endsWith('\n\ndef main():\n    print("hello")\n')).toBe(true);
    expect(outlineProblems(mixed, outlinedMixed.result!.text, lookup.parser)).toEqual([]);
    const broken = go.replace('func (r *Ring) Oldest() (Entry, error) {', 'func (r *Ring) Oldest() (Entry, error {');
    const brokenBody = broken.slice(
      broken.indexOf('func (r *Ring) Oldest()'),
      broken.indexOf('\n}\n', broken.indexOf('func (r *Ring) Oldest()')),
    );
    const outlinedBroken = codeCompressor.compressWithReason(code(broken, 'go'), balanced);
    expect(outlinedBroken.view?.fragment).toBe(true);
    expect(outlinedBroken.result!.text).toContain(brokenBody);
    expect(outlineProblems(broken, outlinedBroken.result!.text, lookup.parser)).toEqual([]);
  });

  it('passes when a grammar fails to load or was never loaded', async () => {
    const missing = createGrammarRegistry(() => '/nonexistent/tree-sitter-rust.wasm');
    await expect(missing.prepare(['rust'])).resolves.toBeUndefined();
    const failing = createCodeCompressor({ registry: missing });
    expect(failing.compressWithReason(code(rust, 'rust'), balanced).reason).toMatch(/^grammar rust failed to load: /);
    const unprepared = createCodeCompressor({ registry: createGrammarRegistry() });
    expect(unprepared.compressWithReason(code(rust, 'rust'), balanced).reason).toMatch(/not loaded/);
  });

  it('says why when the parser throws, and lets the engine record the throw', () => {
    const exploding: GrammarRegistry = {
      prepare: () => Promise.resolve(),
      parserFor: () => {
        throw new Error('wasm trap');
      },
    };
    const compressor = createCodeCompressor({ registry: exploding });
    expect(compressor.compressWithReason(code(go, 'go'), balanced).reason).toBe('code outline failed: wasm trap');
    expect(runCompressor(compressor, code(go, 'go'), balanced)).toEqual({ state: 'threw', error: 'wasm trap' });
  });

  it('says why for lossless, missing or unknown languages, tiny and oversized input', () => {
    expect(codeCompressor.compressWithReason(code(go, 'go'), { ...balanced, profile: 'lossless' }).reason).toMatch(
      /lossless/,
    );
    expect(codeCompressor.compressWithReason(code(go), balanced).reason).toBe('no language given');
    expect(codeCompressor.compressWithReason(code(go, 'cobol'), balanced).reason).toBe('no grammar for language cobol');
    expect(codeCompressor.compressWithReason(code('', 'go'), balanced).reason).toBe('only 1 lines');
    expect(codeCompressor.compressWithReason(code('\0\0\n'.repeat(40), 'go'), balanced).reason).toMatch(
      /clear of the fragment's syntax errors/,
    );
    const demanding = createCodeCompressor({ minReduction: 0.99 });
    expect(demanding.compressWithReason(code(go, 'go'), balanced).reason).toMatch(
      /^outline saves \d+\.\d% of tokens, under 99%$/,
    );
    const small = createCodeCompressor({ maxInputChars: 1000 });
    expect(small.compressWithReason(code(go, 'go'), balanced).reason).toMatch(/over the 1000 limit/);
  });
});

describe('code compressor output details', () => {
  it('keeps CRLF line ends', () => {
    const crlf = go.replace(/\n/g, '\r\n');
    const result = codeCompressor.compress(code(crlf, 'golang'), balanced);
    expect(result).not.toBeNull();
    expect(
      result!.text
        .split('\n')
        .slice(0, -1)
        .every((line) => line.endsWith('\r')),
    ).toBe(true);
  });

  it('writes a Python no-op when a whole body is elided', async () => {
    const body = Array.from(
      { length: 7 },
      (_, i) => `        value_${i} = compute(\n            rows,\n            ${i},\n        )`,
    ).join('\n');
    const source = `class Model:\n    def fit(self, rows):\n${body}\n\n    def score(self):\n        return 1\n`;
    const result = codeCompressor.compress(code(source, 'python'), balanced);
    expect(result!.text).toMatch(/^ {8}\.\.\. {2}# \[\[terse:[0-9a-f]{16} lines 3-30 omitted; calls: compute\]\]$/m);
    const registry = createGrammarRegistry();
    await registry.prepare(['python']);
    const lookup = registry.parserFor('python');
    expect(lookup.ok && outlineProblems(source, result!.text, lookup.parser)).toEqual([]);
  });

  it('has checks that catch a tampered outline', async () => {
    const result = codeCompressor.compress(code(go, 'go'), balanced)!;
    const registry = createGrammarRegistry();
    await registry.prepare(['go']);
    const lookup = registry.parserFor('go');
    if (!lookup.ok) throw new Error(lookup.reason);
    expect(outlineProblems(go, result.text, lookup.parser)).toEqual([]);
    expect(outlineProblems(go, result.text.replace('func New(', 'func Old('), lookup.parser)[0]).toMatch(
      /is not original line/,
    );
    expect(outlineProblems(go, result.text.replace(/lines (\d+)-/, 'lines 1-'), lookup.parser)[0]).toMatch(/expected/);
    expect(outlineProblems(go, result.text.replace('func Ne', 'func ('), lookup.parser).join()).toMatch(
      /syntax error at line \d+/,
    );
  });
});
