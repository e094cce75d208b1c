import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { TextModelSkipped } from '../../errors.ts';
import { MARKER_PATTERN } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { checkCompressor, HOSTILE_INPUTS } from '../../testkit/compressors/compressor-conformance.ts';
import type { CompressContext, Compressor } from '../compressor.ts';
import type { ContentKind } from '../../types.ts';

/** Runs the compressor as the engine does and asserts every conformance check; returns its result. */
function expectConformingResult(compressor: Compressor, text: string, kind: ContentKind, context: CompressContext) {
  const { result, violations } = checkCompressor(compressor, { text, kind }, context, () => null);
  expect(violations).toEqual([]);
  return result;
}
import { isFunctionWord } from './conversation-mentions.ts';
import { expectMustKeepWordsKept, expectWordsLeftOut } from './kept-words-checks.ts';
import { isMustKeepWord, wordCore } from './must-keep.ts';
import { closeTextModelWorkers, createTextModelCompressor } from './text-model-compressor.ts';

// The bundled model, loaded once for the file (one worker serves every compressor below).
const compressor = createTextModelCompressor();
const ruler = createTokenRuler('o200k_base');
const issuesFile = path.join(environment.sharedDir, 'corpus', 'swebench-issues', 'swebench_lite_dev.json');
const issues = existsSync(issuesFile)
  ? (JSON.parse(readFileSync(issuesFile, 'utf8')) as { problem_statement: string }[]).map(
      (issue) => issue.problem_statement,
    )
  : [];
// Real prose: this repository's fidelity page, and SWE-bench issue bodies where ../shared is present.
const texts = [readFileSync(path.join(environment.projectRoot, 'docs', 'fidelity.md'), 'utf8'), ...issues.slice(0, 8)];
const withoutMarker = (text: string): string =>
  text.replace(new RegExp(`\\n${MARKER_PATTERN.source}$|${MARKER_PATTERN.source}\\n$`), '');

afterAll(() => closeTextModelWorkers());

describe('the text-model compressor with the bundled model, on real prose', () => {
  it('conforms in every profile: never larger, deterministic, idempotent, its marker holds the exact input', () => {
    for (const text of texts) {
      expect(
        expectConformingResult(compressor, text, 'text', { profile: 'lossless', ruler, conversation: '' }),
      ).toBeNull();
      for (const profile of ['balanced', 'aggressive'] as const)
        expectConformingResult(compressor, text, 'text', { profile, ruler, conversation: '' });
    }
  });

  it('keeps every line with its indentation, never joins words, and keeps every word that must stay', () => {
    let compressed = 0;
    for (const text of texts) {
      const result = compressor.compress({ text, kind: 'text' }, { profile: 'aggressive', ruler, conversation: '' });
      if (result === null) continue;
      compressed += 1;
      const out = withoutMarker(result.text);
      expectWordsLeftOut(text, out);
      expectMustKeepWordsKept(text, out);
    }
    expect(compressed).toBeGreaterThan(0);
  });

  // Technical prose is thick with words that must stay (identifiers, paths, numbers): the rate is a floor, not what is kept.
  it('keeps fewer tokens at aggressive than at balanced, and leaves out a tenth at least', () => {
    const kept = (profile: 'balanced' | 'aggressive'): number =>
      texts.reduce(
        (sum, text) =>
          sum +
          ruler.count(compressor.compress({ text, kind: 'text' }, { profile, ruler, conversation: '' })?.text ?? text),
        0,
      );
    const before = texts.reduce((sum, text) => sum + ruler.count(text), 0);
    const [balanced, aggressive] = [kept('balanced') / before, kept('aggressive') / before];
    expect(aggressive).toBeLessThan(balanced);
    expect(balanced).toBeLessThan(0.9);
  });

  it('keeps every word the conversation mentions, which it would drop otherwise', () => {
    const text = texts[0] as string;
    const alone = withoutMarker(
      compressor.compress({ text, kind: 'text' }, { profile: 'aggressive', ruler, conversation: '' })?.text ?? text,
    );
    const keptAlone = new Set(alone.split(/\s+/).map(wordCore));
    const dropped = text
      .split(/\s+/)
      .filter(
        (word) => /^[a-z]{6,}$/.test(word) && !isFunctionWord(word) && !isMustKeepWord(word) && !keptAlone.has(word),
      )
      .slice(0, 3);
    expect(dropped).toHaveLength(3);
    const asked = withoutMarker(
      compressor.compress(
        { text, kind: 'text' },
        { profile: 'aggressive', ruler, conversation: `Where does the page say ${dropped.join(' or ')}?` },
      )?.text ?? text,
    );
    const lines = asked.split('\n');
    text.split('\n').forEach((line, index) => {
      for (const word of line.split(/\s+/).filter((w) => dropped.includes(wordCore(w))))
        expect(lines[index]?.split(/\s+/), word).toContain(word);
    });
  });

  it('never throws on hostile input, except to say why it left a block as it was', () => {
    for (const text of HOSTILE_INPUTS) {
      for (const profile of ['balanced', 'aggressive'] as const) {
        try {
          expectConformingResult(compressor, text, 'text', { profile, ruler, conversation: '' });
        } catch (error) {
          expect(error).toBeInstanceOf(TextModelSkipped);
          expect((error as TextModelSkipped).reason).toBe('size-gate');
        }
      }
    }
  });
});
