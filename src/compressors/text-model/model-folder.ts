/**
 * Reads a local model folder in the layouts Kompress and LLMLingua-2 publish: `config.json`,
 * `tokenizer.json` + `tokenizer_config.json`, and an ONNX file (`onnx/model.onnx`,
 * `onnx/model_quantized.onnx` or `model.onnx`) whose output is per-token logits (two labels, or one)
 * or a per-token keep score. Nothing here loads the model: it says whether and how it can be.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ModelFolderError } from '../../errors.ts';

/** Which ONNX file transformers.js is to open, in its own terms (`subfolder`, `model_file_name`, `dtype`). */
export interface OnnxChoice {
  readonly subfolder: string;
  readonly modelFileName: string;
  readonly dtype: 'fp32' | 'q8' | 'fp16';
  /** The file's path relative to the folder. */
  readonly file: string;
}

/** A folder that passed the checks, with what loading it needs. */
export interface ModelFolder {
  /** Absolute path. */
  readonly dir: string;
  /** `model_type` of config.json (bert, modernbert, xlm-roberta...). */
  readonly modelType: string;
  readonly onnx: OnnxChoice;
  /** Index of the keep label in two-label logits (LLMLingua-2: 1, "preserve"); null for one output per token. */
  readonly keepLabel: number | null;
}

const ONNX_CHOICES: readonly OnnxChoice[] = [
  { subfolder: 'onnx', modelFileName: 'model', dtype: 'fp32', file: 'onnx/model.onnx' },
  { subfolder: 'onnx', modelFileName: 'model', dtype: 'q8', file: 'onnx/model_quantized.onnx' },
  { subfolder: 'onnx', modelFileName: 'model', dtype: 'fp16', file: 'onnx/model_fp16.onnx' },
  { subfolder: '', modelFileName: 'model', dtype: 'fp32', file: 'model.onnx' },
];
const KEEP_NAME = /keep|preserve|retain|^label_1$|^1$/i;
const DROP_NAME = /drop|discard|remove|^label_0$|^0$/i;

function readJson(dir: string, file: string): Record<string, unknown> {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new ModelFolderError(dir, `no ${file}`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    throw new ModelFolderError(dir, `${file} is not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ModelFolderError(dir, `${file} is not a JSON object`);
  return value as Record<string, unknown>;
}

/** The keep label's index from `id2label`: named keep/preserve, else the one not named drop; 1 by LLMLingua-2's convention. */
function keepLabelOf(dir: string, config: Record<string, unknown>): number | null {
  const id2label = config.id2label;
  if (id2label === undefined) return 1;
  if (typeof id2label !== 'object' || id2label === null)
    throw new ModelFolderError(dir, 'config.json id2label is not an object');
  const labels = Object.entries(id2label as Record<string, unknown>).map(([id, name]) => ({
    id: Number(id),
    name: String(name),
  }));
  if (labels.length === 1) return null;
  if (labels.length !== 2 || labels.some((label) => !Number.isInteger(label.id))) {
    throw new ModelFolderError(
      dir,
      `config.json id2label has ${labels.length} labels; a keep/drop model has two (or one score)`,
    );
  }
  const keep =
    labels.find((label) => KEEP_NAME.test(label.name)) ?? labels.find((label) => !DROP_NAME.test(label.name));
  return keep?.id ?? 1;
}

/** Checks `dir` and says how to load it; throws ModelFolderError naming what is missing or wrong. */
export function readModelFolder(dir: string): ModelFolder {
  const absolute = path.resolve(dir);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory())
    throw new ModelFolderError(absolute, 'no such folder');
  const config = readJson(absolute, 'config.json');
  if (typeof config.model_type !== 'string' || config.model_type === '')
    throw new ModelFolderError(absolute, 'config.json has no model_type');
  const tokenizer = readJson(absolute, 'tokenizer.json');
  if (typeof tokenizer.model !== 'object' || tokenizer.model === null)
    throw new ModelFolderError(absolute, 'tokenizer.json has no model');
  readJson(absolute, 'tokenizer_config.json');
  const onnx = ONNX_CHOICES.find((choice) => existsSync(path.join(absolute, choice.file)));
  if (onnx === undefined)
    throw new ModelFolderError(
      absolute,
      `no ONNX file (looked for ${ONNX_CHOICES.map((choice) => choice.file).join(', ')})`,
    );
  return { dir: absolute, modelType: config.model_type, onnx, keepLabel: keepLabelOf(absolute, config) };
}
