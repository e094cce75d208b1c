/**
 * Scores words with a token-classification model through @huggingface/transformers (ONNX on the
 * CPU): each word is tokenized on its own (as LLMLingua-2 does), words are packed in order into
 * windows the model's positions hold, and a word's keep score is the mean keep probability of its
 * tokens. Runs in the scoring worker; nothing on the main thread imports transformers.
 */
import path from 'node:path';
import { ScoringBudgetExceeded } from '../../errors.ts';
import type { ModelFolder } from './model-folder.ts';

/** A loaded model: scores for words, in order, each in [0, 1]. */
export interface WordScorer {
  score(words: readonly string[]): Promise<Float32Array>;
  /** Milliseconds loading took (tokenizer, ONNX session). */
  readonly loadMs: number;
}

/** Countable limits on the work one call may do. */
export interface ScoringLimits {
  /** Tokens a word is scored on at most (a 2 MB base64 "word" is scored on its start). @default 32 */
  readonly maxTokensPerWord: number;
  /** Model tokens one call may run over, all windows together; more is refused. @default 65_536 */
  readonly maxTokensPerCall: number;
}

export const DEFAULT_SCORING_LIMITS: ScoringLimits = { maxTokensPerWord: 32, maxTokensPerCall: 65_536 };

// The model's window, whatever its config claims: longer windows cost quadratic attention on a CPU.
const MAX_WINDOW = 512;

interface Window {
  readonly ids: number[];
  readonly owner: number[];
}

/** Loads the folder's tokenizer and ONNX model (local files only, one ONNX thread unless told). */
export async function loadWordScorer(
  folder: ModelFolder,
  threads: number,
  limits: ScoringLimits = DEFAULT_SCORING_LIMITS,
): Promise<WordScorer> {
  const started = performance.now();
  const transformers = await import('@huggingface/transformers');
  const { env, AutoTokenizer, AutoModelForTokenClassification, Tensor } = transformers;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useFSCache = false;
  env.localModelPath = path.dirname(folder.dir);
  const id = path.basename(folder.dir);
  const tokenizer = await AutoTokenizer.from_pretrained(id, { local_files_only: true });
  const model = await AutoModelForTokenClassification.from_pretrained(id, {
    local_files_only: true,
    device: 'cpu',
    dtype: folder.onnx.dtype,
    subfolder: folder.onnx.subfolder,
    model_file_name: folder.onnx.modelFileName,
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
  });
  const specials = tokenizer.encode('', { add_special_tokens: true });
  const prefix = specials.slice(0, Math.min(1, specials.length));
  const suffix = specials.slice(prefix.length);
  const configured = Number((model.config as unknown as Record<string, unknown>).max_position_embeddings ?? MAX_WINDOW);
  const window =
    Math.min(MAX_WINDOW, Number.isFinite(configured) ? configured : MAX_WINDOW) - prefix.length - suffix.length;
  const loadMs = performance.now() - started;

  const keepProbabilities = async (ids: readonly number[]): Promise<Float32Array> => {
    const shape = [1, ids.length];
    const inputIds = new Tensor(
      'int64',
      BigInt64Array.from(ids, (id) => BigInt(id)),
      shape,
    );
    const attentionMask = new Tensor('int64', new BigInt64Array(ids.length).fill(1n), shape);
    const outputs = (await model.forward({ input_ids: inputIds, attention_mask: attentionMask })) as Record<
      string,
      { dims: number[]; data: ArrayLike<number> }
    >;
    return tokenKeepProbabilities(outputs, folder.keepLabel, ids.length);
  };

  return {
    loadMs,
    async score(words) {
      const pieces = words.map((word) =>
        tokenizer.encode(word, { add_special_tokens: false }).slice(0, limits.maxTokensPerWord),
      );
      const tokens = pieces.reduce((sum, list) => sum + list.length, 0);
      if (tokens > limits.maxTokensPerCall) throw new ScoringBudgetExceeded(tokens, limits.maxTokensPerCall);
      const sums = new Float64Array(words.length);
      for (const { ids, owner } of packWindows(pieces, window)) {
        const probabilities = await keepProbabilities([...prefix, ...ids, ...suffix]);
        owner.forEach((word, at) => {
          sums[word] = (sums[word] as number) + (probabilities[prefix.length + at] as number);
        });
      }
      return Float32Array.from(sums, (sum, word) =>
        pieces[word]?.length ? sum / (pieces[word] as number[]).length : 0,
      );
    },
  };
}

/** Words' tokens packed in order into windows of at most `size` tokens; a word is never split. */
function packWindows(pieces: readonly number[][], size: number): Window[] {
  const windows: Window[] = [];
  let current: Window = { ids: [], owner: [] };
  pieces.forEach((ids, word) => {
    if (current.ids.length + ids.length > size && current.ids.length > 0) {
      windows.push(current);
      current = { ids: [], owner: [] };
    }
    for (const id of ids.slice(0, size)) {
      current.ids.push(id);
      current.owner.push(word);
    }
  });
  if (current.ids.length > 0) windows.push(current);
  return windows;
}

/** Per-token keep probability from `logits` (softmax over two labels, or a sigmoid of one) or from a keep-score output. */
function tokenKeepProbabilities(
  outputs: Record<string, { dims: number[]; data: ArrayLike<number> }>,
  keepLabel: number | null,
  length: number,
): Float32Array {
  const named = outputs.logits ?? Object.entries(outputs).find(([name]) => /keep|score|prob/i.test(name))?.[1];
  if (named === undefined)
    throw new Error(`the model has no logits or keep-score output (outputs: ${Object.keys(outputs).join(', ')})`);
  const { dims, data } = named;
  const labels = dims.length === 3 ? (dims[2] as number) : 1;
  const out = new Float32Array(length);
  for (let token = 0; token < length; token += 1) {
    if (labels === 1) {
      const value = Number(data[token]);
      // A score already in [0, 1] is a probability; anything else is a logit.
      out[token] = outputs.logits === undefined && value >= 0 && value <= 1 ? value : 1 / (1 + Math.exp(-value));
      continue;
    }
    const keep = keepLabel ?? 1;
    let max = -Infinity;
    for (let label = 0; label < labels; label += 1) max = Math.max(max, Number(data[token * labels + label]));
    let total = 0;
    for (let label = 0; label < labels; label += 1) total += Math.exp(Number(data[token * labels + label]) - max);
    out[token] = Math.exp(Number(data[token * labels + keep]) - max) / total;
  }
  return out;
}
