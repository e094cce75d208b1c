/**
 * terse's engine (`terse`), exported by name: compress a provider request, count its tokens, keep what
 * was dropped in a store and serve it back through `terse_retrieve`. Replay, fidelity and reports are
 * `terse/bench`; the HTTP proxy is `terse/proxy`. Importing this loads no DuckDB, Redis or chart code.
 */
export type {
  ContentKind,
  Provider,
  Profile,
  JsonValue,
  JsonObject,
  JsonPath,
  RequestPart,
  PartRole,
  PartType,
} from './types.ts';
export {
  TerseError,
  InvalidTraceError,
  UnknownFormatError,
  InvalidProbeError,
  InvalidRequestError,
  ConfigError,
  PathError,
  StoreMiss,
  CompressorKindError,
  UsageError,
  ModelFolderError,
  TextModelSkipped,
} from './errors.ts';

export { createTokenRuler, type TokenRuler, type TokenizerName } from './tokenize/token-ruler.ts';
export { detectContent } from './detect/detect-content.ts';
export type { Detection } from './detect/detection.ts';

export type {
  Compressor,
  CompressInput,
  CompressContext,
  CompressResult,
  DroppedOriginal,
} from './compressors/compressor.ts';
export { dropInput, type DroppedInput } from './compressors/lossy-result.ts';
export {
  createTextModelCompressor,
  closeTextModelWorkers,
  type TextModelCompressor,
  type TextModelStats,
} from './compressors/text-model/text-model-compressor.ts';
export {
  BUNDLED_TEXT_MODEL_DIR,
  DEFAULT_TEXT_MODEL_OPTIONS,
  type TextModelOptions,
} from './compressors/text-model/text-model-options.ts';
export { readModelFolder, type ModelFolder } from './compressors/text-model/model-folder.ts';
export {
  parseRequest,
  canonicalFromBody,
  emitRequest,
  applyEdits,
  type CanonicalRequest,
  type RequestEdits,
} from './engine/request/canonical-request.ts';
export { createEngine, type CreateEngineOptions } from './engine/create-engine.ts';
export { createSession, type EngineSession, type EngineSetup } from './engine/engine-session.ts';
export {
  compressRequest,
  compressedBody,
  type CompressedRequest,
  type RequestStats,
  type PartResult,
} from './engine/compress-request.ts';
export { compressText, decideText } from './engine/compress-text.ts';
export { measureRequest, type RequestMeasure, type PartTokens } from './engine/measure-request.ts';
export { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './engine/engine-options.ts';
export type { BlockOutcome, PassReason } from './engine/block-outcome.ts';

export type { Store, StoreLookup } from './store/store.ts';
export { createMemoryStore } from './store/memory-store.ts';
export { openFileStore } from './store/file-store.ts';
export { openStore } from './store/open-store.ts';
export type { StoreOptions } from './store/store-options.ts';
export { contentRef, formatMarker, findMarkers } from './store/marker.ts';
export { retrieve, retrieveResultText, type RetrieveResult } from './retrieve/retrieve.ts';
export { RETRIEVE_TOOL_NAME, RETRIEVE_TOOL_ANTHROPIC, RETRIEVE_TOOL_OPENAI } from './retrieve/retrieve-tool.ts';
