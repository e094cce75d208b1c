/**
 * Step 1 of the text model's build: writes the labelled blocks (JSONL, one block a line: source,
 * split, words, labels) that the vocabulary and the training read. Words are the compressor's own
 * units (`layoutWords`), so the model learns exactly what it will be asked.
 *
 *   tsx scripts/text-model/derive-training-blocks.ts OUT.jsonl
 */
import { writeFileSync } from 'node:fs';
import { environment } from '../../src/config.ts';
import { layoutWords } from '../../src/compressors/text-model/word-units.ts';
import { answerWordLabels, extractiveWordLabels } from './word-labels.ts';
import { isHeldOut, packedContexts, readNqPassages } from './nq-contexts.ts';
import { readProseBlocks } from './prose-blocks.ts';

// Each training passage sits in this many contexts, beside different neighbours (more cost CPU time, not accuracy).
const NQ_SHUFFLES = 1;
// The aggressive profile's share: the distilled decisions are the extractive compressor's sharpest.
const EXTRACTIVE_SHARE = 0.3;

const out = process.argv[2];
if (out === undefined) throw new Error('usage: derive-training-blocks.ts OUT.jsonl');

const lines: string[] = [];
const add = (
  source: string,
  split: string,
  text: string,
  labels: (layout: ReturnType<typeof layoutWords>) => number[],
): void => {
  const layout = layoutWords(text);
  if (layout.words.length === 0) return;
  lines.push(JSON.stringify({ source, split, words: layout.words.map((word) => word.text), labels: labels(layout) }));
};

const passages = readNqPassages(environment.sharedDir);
if (passages.length === 0) throw new Error(`${environment.sharedDir}: no lost-in-the-middle passages`);
const train = passages.filter((passage) => !isHeldOut(passage));
const heldOut = passages.filter(isHeldOut);
for (let shuffle = 0; shuffle < NQ_SHUFFLES; shuffle += 1) {
  for (const context of packedContexts(train, 1_000 + shuffle))
    add('nq', 'train', context.text, (layout) => answerWordLabels(layout, context.passages));
}
for (const context of packedContexts(heldOut, 2_000))
  add('nq', 'heldout', context.text, (layout) => answerWordLabels(layout, context.passages));
for (const block of readProseBlocks(environment.sharedDir)) {
  add(block.source, block.heldOut ? 'heldout' : 'train', block.text, (layout) =>
    extractiveWordLabels(layout, EXTRACTIVE_SHARE),
  );
}
writeFileSync(out, `${lines.join('\n')}\n`);
const counts = new Map<string, { blocks: number; words: number; kept: number }>();
for (const line of lines) {
  const block = JSON.parse(line) as { source: string; split: string; labels: number[] };
  const key = `${block.source}/${block.split}`;
  const count = counts.get(key) ?? { blocks: 0, words: 0, kept: 0 };
  count.blocks += 1;
  count.words += block.labels.length;
  count.kept += block.labels.reduce((sum, label) => sum + label, 0);
  counts.set(key, count);
}
for (const [key, count] of [...counts].sort())
  console.log(
    `${key}: ${count.blocks} blocks, ${count.words} words, ${((100 * count.kept) / count.words).toFixed(1)}% labelled keep`,
  );
