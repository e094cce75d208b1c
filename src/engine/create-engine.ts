/** Builds an engine setup from options: registry, detection, store, ruler and retrieve tool. */
import { detectContent } from '../detect/detect-content.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import type { Store } from '../store/store.ts';
import { createTokenRuler, type TokenRuler } from '../tokenize/token-ruler.ts';
import { checkedRegistry, restrictRegistry, type CompressorRegistry } from './compressor-registry.ts';
import { withCompressorProfiles } from './compressor-profiles.ts';
import { codeSyntaxCheck, prepareCodeGrammars } from '../compressors/code/code-compressor.ts';
import type { SyntaxCheck } from '../compressors/code/syntax-verdict.ts';
import { DEFAULT_REGISTRY, prepareDefaultRegistry } from './default-registry.ts';
import { resolveEngineOptions, type EngineOptions } from './engine-options.ts';
import type { Detect } from './block-routing.ts';
import type { EngineSetup } from './engine-session.ts';
import { retrieveToolDefinition } from './retrieve-tool-definition.ts';
import { createTextModelCompressor } from '../compressors/text-model/text-model-compressor.ts';
import { registryWithTextModel } from '../compressors/text-model/registry-with-text-model.ts';

export interface CreateEngineOptions extends Partial<EngineOptions> {
  /** Where dropped originals go. @default a new in-memory store */
  readonly store?: Store;
  /** A ruler to share (its count cache too). @default a new ruler for `tokenizer` */
  readonly ruler?: TokenRuler;
  /** Judges results for code (tree-sitter over the shipped grammars). @default codeSyntaxCheck */
  readonly checkSyntax?: SyntaxCheck;
  /** The compressors by kind, each listed only under kinds it declares (else CompressorKindError). @default DEFAULT_REGISTRY */
  readonly registry?: CompressorRegistry;
  /** How a block's content kind is decided. @default detectContent */
  readonly detect?: Detect;
}

/** A ready engine; async because some compressors load grammars before their first block. Throws CompressorKindError for a registry that routes a compressor content it does not declare. */
export async function createEngine(options: CreateEngineOptions = {}): Promise<EngineSetup> {
  const resolved = resolveEngineOptions(options);
  const { store, ruler, registry, detect, checkSyntax } = options;
  if (registry === undefined) await prepareDefaultRegistry();
  // The engine checks every compressor's code against its grammar, whatever the registry.
  if (checkSyntax === undefined) await prepareCodeGrammars();
  const base = registry ?? DEFAULT_REGISTRY;
  // The model's folder is checked here; the model itself loads when the first block needs it.
  const withModel =
    resolved.textModel === null
      ? base
      : registryWithTextModel(base, createTextModelCompressor({ modelDir: resolved.textModel }));
  return {
    options: resolved,
    registry: withCompressorProfiles(
      restrictRegistry(checkedRegistry(withModel), resolved.compressors),
      resolved.profileByCompressor,
    ),
    detect: detect ?? ((text) => detectContent(text)),
    checkSyntax: checkSyntax ?? codeSyntaxCheck,
    store: store ?? createMemoryStore(),
    ruler: ruler ?? createTokenRuler(resolved.tokenizer),
    retrieveTool: retrieveToolDefinition,
  };
}
