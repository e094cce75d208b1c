/** Builds an engine setup from options: registry, detection, store, ruler and retrieve tool. */
import { detectContent } from '../detect/detect-content.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import type { Store } from '../store/store.ts';
import { createTokenRuler, type TokenRuler } from '../tokenize/token-ruler.ts';
import { restrictRegistry, type CompressorRegistry } from './compressor-registry.ts';
import { withCompressorProfiles } from './compressor-profiles.ts';
import { DEFAULT_REGISTRY, prepareDefaultRegistry } from './default-registry.ts';
import { resolveEngineOptions, type EngineOptions } from './engine-options.ts';
import type { Detect } from './compress-block.ts';
import type { EngineSetup } from './engine-session.ts';
import { retrieveToolDefinition } from './retrieve-tool-definition.ts';

export interface CreateEngineOptions extends Partial<EngineOptions> {
  /** Where dropped originals go. @default a new in-memory store */
  readonly store?: Store;
  /** A ruler to share (its count cache too). @default a new ruler for `tokenizer` */
  readonly ruler?: TokenRuler;
  /** The compressors by kind. @default DEFAULT_REGISTRY */
  readonly registry?: CompressorRegistry;
  /** How a block's content kind is decided. @default detectContent */
  readonly detect?: Detect;
}

/** A ready engine; async because some compressors load grammars before their first block. */
export async function createEngine(options: CreateEngineOptions = {}): Promise<EngineSetup> {
  const resolved = resolveEngineOptions(options);
  const { store, ruler, registry, detect } = options;
  if (registry === undefined) await prepareDefaultRegistry();
  return {
    options: resolved,
    registry: withCompressorProfiles(restrictRegistry(registry ?? DEFAULT_REGISTRY, resolved.compressors), resolved.profileByCompressor),
    detect: detect ?? ((text) => detectContent(text)),
    store: store ?? createMemoryStore(),
    ruler: ruler ?? createTokenRuler(resolved.tokenizer),
    retrieveTool: retrieveToolDefinition,
  };
}
