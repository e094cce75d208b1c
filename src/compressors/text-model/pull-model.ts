/**
 * `terse models pull ID`: fetches a model folder from a Hugging Face-style hub into the library, only
 * when the hub answers. Where it does not (no network, a closed network), it says so in one line and
 * points at `terse models add DIR`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ModelFolderError, ModelHubUnreachable, PathError } from '../../errors.ts';
import { addModel } from './model-library.ts';
import type { ModelFolder } from './model-folder.ts';

/** Files fetched when the hub has them; the ONNX files are tried in order until one is there. */
const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
const OPTIONAL = ['special_tokens_map.json', 'vocab.txt'];
const ONNX = ['onnx/model.onnx', 'onnx/model_quantized.onnx', 'model.onnx'];
// Enough to tell a hub that answers from one that does not; a download itself has no limit.
const REACH_TIMEOUT_MS = 5_000;

/** What pulling needs: where the hub is, where models go, and a fetch (the global one by default). */
export interface PullOptions {
  readonly endpoint: string;
  readonly library: string;
  readonly fetch?: typeof fetch;
}

async function download(get: typeof fetch, url: string, required: boolean): Promise<Uint8Array | null> {
  const response = await get(url);
  if (response.status === 404 && !required) return null;
  if (!response.ok) {
    if (required) throw new PathError(url, `HTTP ${response.status}`);
    return null;
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Downloads `id` (owner/name) into a staging folder, checks it, and registers it under `owner--name`. */
export async function pullModel(id: string, options: PullOptions): Promise<ModelFolder> {
  const get = options.fetch ?? fetch;
  if (!/^[\w.-]+\/[\w.-]+$/.test(id)) throw new ModelFolderError(id, 'a hub model id is owner/name');
  const base = `${options.endpoint.replace(/\/$/, '')}/${id}/resolve/main`;
  try {
    await get(`${base}/config.json`, { method: 'HEAD', signal: AbortSignal.timeout(REACH_TIMEOUT_MS) });
  } catch (error) {
    const { cause } = error as { cause?: { code?: string; message?: string } };
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new ModelHubUnreachable(options.endpoint, why);
  }
  const staging = path.join(options.library, `.pull-${id.replace('/', '--')}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of [...REQUIRED, ...OPTIONAL]) {
      const bytes = await download(get, `${base}/${file}`, REQUIRED.includes(file));
      if (bytes !== null) writeFileAt(staging, file, bytes);
    }
    let found = false;
    for (const file of ONNX) {
      const bytes = await download(get, `${base}/${file}`, false);
      if (bytes === null) continue;
      writeFileAt(staging, file, bytes);
      found = true;
      break;
    }
    if (!found) throw new ModelFolderError(id, `the hub has none of ${ONNX.join(', ')}`);
    return addModel(options.library, staging, id.replace('/', '--'));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function writeFileAt(root: string, file: string, bytes: Uint8Array): void {
  const target = path.join(root, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}
