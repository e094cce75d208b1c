/**
 * The text model against the extractive text compressor and a seeded random drop, at the same rates:
 * answer survival on the held-back lost-in-the-middle questions (ten passages a context, the question
 * in the conversation or not), tokens kept, and compress latency per 512 tokens with the model's cold
 * load apart. `npm run bench:text-model` prints the table; `-- --update-readme` also writes it into
 * the README between its text-model-bench markers; `-- --questions N` bench the first N questions.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { environment } from '../src/config.ts';
import { BUNDLED_TEXT_MODEL_DIR } from '../src/compressors/text-model/text-model-options.ts';
import {
  closeTextModelWorkers,
  createTextModelCompressor,
} from '../src/compressors/text-model/text-model-compressor.ts';
import { writeReadmeSection } from '../src/report/readme-table.ts';
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';
import { contextsFor, isHeldOut, nqFile, readNqPassages } from './text-model/nq-contexts.ts';
import { extractiveContender, randomContender, textModelContender } from './text-model-bench/contenders.ts';
import { measureSurvival } from './text-model-bench/survival-run.ts';
import { renderSurvivalTable } from './text-model-bench/survival-table.ts';

const RATES = [0.3, 0.5];
const CONTEXT_SEED = 16;
const args = process.argv.slice(2);
const questionsAt = args.indexOf('--questions');
const limit = questionsAt === -1 ? Number.POSITIVE_INFINITY : Number(args[questionsAt + 1]);

const passages = readNqPassages(environment.sharedDir);
if (passages.length === 0) {
  console.log(`${nqFile(environment.sharedDir)} is absent: nothing to bench`);
  process.exit(0);
}
const ruler = createTokenRuler('o200k_base');
const contexts = contextsFor(passages.filter(isHeldOut), CONTEXT_SEED).slice(0, limit);

// The cold load, timed on its own: a first block through a fresh worker.
const warm = createTextModelCompressor({ modelDir: BUNDLED_TEXT_MODEL_DIR });
warm.compress(
  { text: (contexts[0] as { text: string }).text, kind: 'text' },
  { profile: 'balanced', ruler, conversation: '' },
);
const coldLoadMs = warm.stats().loadMs;

const contenders = {
  model: textModelContender(BUNDLED_TEXT_MODEL_DIR, ruler),
  random: randomContender,
  extractive: extractiveContender(ruler),
};
const rows = measureSurvival(contexts, contenders, RATES, ruler);
await closeTextModelWorkers();

function gitSha(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}
const machine = `git ${gitSha()}, node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}, one ONNX thread`;
const table = renderSurvivalTable(rows, { coldLoadMs, machine });
console.log(table);
if (args.includes('--update-readme')) {
  const readme = path.join(environment.projectRoot, 'README.md');
  writeReadmeSection(readme, table, 'text-model-bench');
  console.log(`\nwrote the table into ${readme}`);
}
