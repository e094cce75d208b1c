/**
 * Step 5 of the text model's build: scores the held-back blocks through the compressor's own scorer
 * (transformers.js, as the worker runs it) and writes the figures docs/text-model.md quotes into
 * MODEL_DIR/training-report.json: data per source and split, and word-level accuracy, precision,
 * recall, F1 and ROC AUC per source.
 *
 *   tsx scripts/text-model/evaluate-text-model.ts BLOCKS.jsonl MODEL_DIR
 */
import { createReadStream, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { readModelFolder } from '../../src/compressors/text-model/model-folder.ts';
import { loadWordScorer } from '../../src/compressors/text-model/word-scorer.ts';
import { heldBackMetrics, type HeldBackMetrics } from './held-back-metrics.ts';

const [blocksFile, modelDir] = process.argv.slice(2);
if (blocksFile === undefined || modelDir === undefined)
  throw new Error('usage: evaluate-text-model.ts BLOCKS.jsonl MODEL_DIR');
const scorer = await loadWordScorer(readModelFolder(modelDir), 1);
const data: Record<string, { blocks: number; words: number; keepShare: number }> = {};
const held = new Map<string, { scores: number[]; labels: number[] }>();
for await (const line of createInterface({ input: createReadStream(blocksFile) })) {
  if (line.trim() === '') continue;
  const block = JSON.parse(line) as { source: string; split: string; words: string[]; labels: number[] };
  const key = `${block.source}/${block.split}`;
  const entry = data[key] ?? { blocks: 0, words: 0, keepShare: 0 };
  entry.keepShare =
    (entry.keepShare * entry.words + block.labels.reduce((a, b) => a + b, 0)) / (entry.words + block.labels.length);
  entry.blocks += 1;
  entry.words += block.labels.length;
  data[key] = entry;
  if (block.split !== 'heldout') continue;
  const scores = await scorer.score(block.words);
  const into = held.get(block.source) ?? { scores: [], labels: [] };
  into.scores.push(...scores);
  into.labels.push(...block.labels);
  held.set(block.source, into);
}
const metrics: Record<string, HeldBackMetrics> = {};
for (const [source, { scores, labels }] of [...held].sort()) metrics[source] = heldBackMetrics(scores, labels);
const all = [...held.values()];
metrics.all = heldBackMetrics(
  all.flatMap((entry) => entry.scores),
  all.flatMap((entry) => entry.labels),
);

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const full = path.join(dir, name);
    return sum + (statSync(full).isDirectory() ? folderBytes(full) : statSync(full).size);
  }, 0);
}

const report = { version: 1, data, heldBack: metrics, bytes: folderBytes(modelDir) };
writeFileSync(path.join(modelDir, 'training-report.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log('source\twords\tkeep share\taccuracy\tmajority\tprecision\trecall\tF1\tAUC');
for (const [source, m] of Object.entries(metrics)) {
  console.log(
    [
      source,
      m.words,
      m.keepShare.toFixed(3),
      m.accuracy.toFixed(3),
      m.majorityAccuracy.toFixed(3),
      m.precision.toFixed(3),
      m.recall.toFixed(3),
      m.f1.toFixed(3),
      m.auc.toFixed(3),
    ].join('\t'),
  );
}
console.log(`model folder: ${(report.bytes / 1e6).toFixed(2)} MB`);
