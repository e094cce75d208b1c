import { describe, expect, it } from 'vitest';
import { environment } from '../../src/config.ts';
import { selectLines } from '../../src/compressors/text/text-selection.ts';
import { layoutWords } from '../../src/compressors/text-model/word-units.ts';
import { heldBackMetrics } from './held-back-metrics.ts';
import { isHeldOut, packedContexts, readNqPassages } from './nq-contexts.ts';
import { readProseBlocks } from './prose-blocks.ts';
import { answerWordLabels, extractiveWordLabels } from './word-labels.ts';

const passages = readNqPassages(environment.sharedDir);
const prose = passages.length === 0 ? [] : readProseBlocks(environment.sharedDir);

describe.skipIf(passages.length === 0)('the labels the text model trains on', () => {
  it('holds back every fifth question, and training contexts hold none of them', () => {
    const train = passages.filter((passage) => !isHeldOut(passage));
    expect(passages.length - train.length).toBe(Math.ceil(passages.length / 5));
    for (const context of packedContexts(train, 1_000).slice(0, 20))
      expect(context.passages.some(isHeldOut)).toBe(false);
  });

  it('marks every word of an accepted answer on its own passage line, and few words besides', () => {
    const contexts = packedContexts(
      passages.filter((passage) => !isHeldOut(passage)),
      1_000,
    ).slice(0, 20);
    let kept = 0;
    let words = 0;
    for (const context of contexts) {
      const layout = layoutWords(context.text);
      const labels = answerWordLabels(layout, context.passages);
      context.passages.forEach((passage, line) => {
        const lineWords = layout.words
          .map((word, index) => ({ word, label: labels[index] }))
          .filter(({ word }) => word.line === line);
        const answer = passage.answers.find((candidate) => passage.text.includes(candidate));
        if (answer === undefined) return;
        for (const part of answer.split(/\s+/))
          expect(
            lineWords.some(({ word, label }) => label === 1 && word.text.includes(part)),
            `${part} of ${answer}`,
          ).toBe(true);
      });
      kept += labels.reduce((sum, label) => sum + label, 0);
      words += labels.length;
    }
    expect(kept / words).toBeGreaterThan(0.05);
    expect(kept / words).toBeLessThan(0.2);
  });

  it("labels a prose block's words with the extractive compressor's line decisions", () => {
    const block = prose.find((candidate) => candidate.source === 'issues' && candidate.text.split('\n').length > 20);
    expect(block).toBeDefined();
    const layout = layoutWords(block?.text ?? '');
    const { keep } = selectLines((block?.text ?? '').split('\n'), [], 0.3);
    const labels = extractiveWordLabels(layout, 0.3);
    layout.words.forEach((word, index) => expect(labels[index]).toBe(keep[word.line] ? 1 : 0));
    expect(new Set(labels).size).toBe(2);
  });
});

describe('held-back figures', () => {
  it('give an AUC of 1 to a perfect ranking, 0 to a reversed one, and 0.5 to ties', () => {
    const labels = [0, 0, 1, 0, 1, 1];
    expect(heldBackMetrics([0.1, 0.2, 0.9, 0.3, 0.8, 0.7], labels).auc).toBe(1);
    expect(heldBackMetrics([0.9, 0.8, 0.1, 0.7, 0.2, 0.3], labels).auc).toBe(0);
    expect(heldBackMetrics([0.4, 0.4, 0.4, 0.4, 0.4, 0.4], labels).auc).toBe(0.5);
    expect(heldBackMetrics([0.1, 0.2, 0.9, 0.6, 0.4, 0.7], labels)).toMatchObject({
      words: 6,
      keepShare: 0.5,
      accuracy: 4 / 6,
      precision: 2 / 3,
      recall: 2 / 3,
    });
  });
});
