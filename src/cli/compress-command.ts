/** `terse compress [FILE|-] [--profile P] [--json]` and `terse retrieve REF [--query Q]` */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { environment } from '../config.ts';
import { InvalidEncodingError, PathError } from '../errors.ts';
import { decodeUtf8 } from '../bench/importers/strict-utf8.ts';
import { compressText } from '../engine/compress-text.ts';
import { createEngine } from '../engine/create-engine.ts';
import { findMarkers } from '../store/marker.ts';
import { retrieve, retrieveResultText } from '../retrieve/retrieve.ts';
import type { Profile } from '../types.ts';
import { openSharedStore, withLegacyFallback } from './shared-store.ts';
import { readStdin } from './stdin-input.ts';
import { resolveModel } from '../compressors/text-model/model-library.ts';
import { BUNDLED_TEXT_MODEL_DIR } from '../compressors/text-model/text-model-options.ts';

/** The input's text; bytes that are not UTF-8 are refused (a stored original must give back the exact bytes). */
async function readInput(file: string): Promise<string> {
  if (file === '-') return readStdin(environment.stdinIsTTY, 'cmd | terse compress, or terse compress FILE');
  try {
    return decodeUtf8(await readFile(file), file);
  } catch (error) {
    if (error instanceof InvalidEncodingError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new PathError(
      file,
      code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a folder' : (error as Error).message,
    );
  }
}

/** Each ref once, with how often the output names it: one original is often marked in many places. */
function distinctMarkers(output: string): { ref: string; description: string; occurrences: number }[] {
  const byRef = new Map<string, { ref: string; description: string; occurrences: number }>();
  for (const marker of findMarkers(output)) {
    const seen = byRef.get(marker.ref);
    if (seen) seen.occurrences += 1;
    else byRef.set(marker.ref, { ref: marker.ref, description: marker.description, occurrences: 1 });
  }
  return [...byRef.values()];
}

export interface CompressCommandOptions {
  readonly file: string;
  readonly profile: Profile;
  readonly json: boolean;
  /** A registered model name or folder; true for the bundled model; null keeps the extractive text compressor. */
  readonly textModel: string | true | null;
  /** Where originals go: a `.duckdb` file or a store folder. @default environment.storeFile (TERSE_STORE) */
  readonly storeFile?: string;
}

/** Prints the compressed text (or the JSON record); markers resolve later with `terse retrieve`. */
export async function compressCommand(options: CompressCommandOptions): Promise<number> {
  const text = await readInput(options.file);
  const store = await openSharedStore(options.storeFile ?? environment.storeFile);
  try {
    const textModel =
      options.textModel === null
        ? null
        : options.textModel === true
          ? BUNDLED_TEXT_MODEL_DIR
          : resolveModel(environment.modelsDir, options.textModel).dir;
    const setup = await createEngine({ profile: options.profile, store, tokenizer: environment.tokenizer, textModel });
    const outcome = await compressText(
      text,
      setup,
      options.file === '-' ? {} : { fileName: path.basename(options.file) },
    );
    const output = outcome.state === 'compressed' ? outcome.text : text;
    if (options.json) {
      const record = {
        output,
        kind: outcome.kind,
        tokens_before: outcome.tokensBefore,
        tokens_after: outcome.tokensAfter,
        lossy: outcome.state === 'compressed' && outcome.lossy,
        markers: distinctMarkers(output),
        ...(outcome.state === 'compressed' ? { compressor: outcome.compressor } : {}),
        ...(outcome.state === 'passed' ? { passed: outcome.reason } : {}),
        ...(outcome.state === 'failed' ? { failed: outcome.error } : {}),
      };
      process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    } else {
      process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** Prints the original behind a ref (or with a query, its matching lines or items), from `storeFile`. */
export async function retrieveCommand(
  ref: string,
  query: string | undefined,
  storeFile: string = environment.storeFile,
): Promise<number> {
  const store = withLegacyFallback(await openSharedStore(storeFile), environment.legacyStoreFile);
  try {
    const result = await retrieve(store, query === undefined ? { ref } : { ref, query });
    if (result.state !== 'found') {
      process.stderr.write(`terse: ${retrieveResultText(result)}\n`);
      return 2;
    }
    // The original goes out byte for byte (`terse retrieve REF > f` must recreate the file); a query's listing ends its last line.
    if (query === undefined) process.stdout.write(result.text);
    else process.stdout.write(`${retrieveResultText(result)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
