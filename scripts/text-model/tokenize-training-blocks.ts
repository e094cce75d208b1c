/**
 * Step 3 of the text model's build: tokenizes every word of the labelled blocks with the vocabulary
 * step 2 wrote, through @huggingface/transformers itself (the tokenizer the compressor runs), so
 * training sees exactly the token ids the model will get. Writes JSONL: source, split, pieces (the
 * ids of each word, at most as many as the scorer reads), labels.
 *
 *   tsx scripts/text-model/tokenize-training-blocks.ts BLOCKS.jsonl MODEL_DIR OUT.jsonl
 */
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { DEFAULT_SCORING_LIMITS } from '../../src/compressors/text-model/word-scorer.ts';

const [blocksFile, modelDir, out] = process.argv.slice(2);
if (blocksFile === undefined || modelDir === undefined || out === undefined)
  throw new Error('usage: tokenize-training-blocks.ts BLOCKS.jsonl MODEL_DIR OUT.jsonl');
env.allowRemoteModels = false;
env.useFSCache = false;
env.localModelPath = path.dirname(path.resolve(modelDir));
const tokenizer = await AutoTokenizer.from_pretrained(path.basename(path.resolve(modelDir)), {
  local_files_only: true,
});
const writer = createWriteStream(out);
let blocks = 0;
let unknown = 0;
let pieces = 0;
for await (const line of createInterface({ input: createReadStream(blocksFile) })) {
  if (line.trim() === '') continue;
  const block = JSON.parse(line) as { source: string; split: string; words: string[]; labels: number[] };
  const ids = block.words.map((word) =>
    tokenizer.encode(word, { add_special_tokens: false }).slice(0, DEFAULT_SCORING_LIMITS.maxTokensPerWord),
  );
  for (const list of ids) {
    pieces += list.length;
    unknown += list.filter((id) => id === tokenizer.unk_token_id).length;
  }
  writer.write(`${JSON.stringify({ source: block.source, split: block.split, pieces: ids, labels: block.labels })}\n`);
  blocks += 1;
}
await new Promise<void>((resolve, reject) => writer.end((error?: Error | null) => (error ? reject(error) : resolve())));
console.log(`${blocks} blocks, ${pieces} tokens, ${((100 * unknown) / Math.max(1, pieces)).toFixed(2)}% unknown`);
