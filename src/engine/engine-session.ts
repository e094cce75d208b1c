/**
 * State a proxy (or a replay) carries across the requests of one session: the store, every block
 * outcome already decided (so a block never changes once sent), and whether the retrieve tool is in.
 */
import { randomUUID } from 'node:crypto';
import { scopedStore } from '../store/scoped-store.ts';
import type { Store } from '../store/store.ts';
import type { TokenRuler } from '../tokenize/token-ruler.ts';
import type { JsonObject, JsonValue, Provider, RequestPart } from '../types.ts';
import type { PartResult } from './compress-request.ts';
import type { BlockOutcome } from './block-outcome.ts';
import type { CompressorRegistry } from './compressor-registry.ts';
import type { SyntaxCheck } from '../compressors/code/syntax-verdict.ts';
import type { Detect } from './block-routing.ts';
import type { EngineOptions } from './engine-options.ts';
import { SentOutputs } from './repeats/sent-outputs.ts';
import { createCacheAlignmentState, type CacheAlignmentState } from './cache-aligner/cache-alignment-state.ts';

/** Everything the engine needs that is not per request. */
export interface EngineSetup {
  readonly options: EngineOptions;
  readonly registry: CompressorRegistry;
  readonly detect: Detect;
  /** Whether a result for code parses no worse than its input (every compressor's, the engine asks). */
  readonly checkSyntax: SyntaxCheck;
  readonly store: Store;
  readonly ruler: TokenRuler;
  /** The `terse_retrieve` definition in the provider's shape. */
  readonly retrieveTool: (provider: Provider) => JsonObject;
}

export interface EngineSession {
  readonly setup: EngineSetup;
  /** The setup's store seen under this session's scope: its markers resolve here and nowhere else. */
  readonly store: Store;
  /** Outcomes by content hash: how a block was sent the first time is how it is sent again, wherever it moves in the history. */
  readonly decided: Map<string, BlockOutcome>;
  /** Fast path when the caller reuses message objects (a replay): outcomes by message identity. */
  readonly byMessage: WeakMap<JsonValue[] | JsonObject, Map<string, BlockOutcome>>;
  /**
   * Messages the previous request carried: anything among them not decided before is in the cached
   * prefix. Set by hand, before the first request, for a session that joins midway.
   */
  previousMessageCount: number;
  /** The previous request's parts and what was sent for each (by index): a part the next request carries again is not routed again. */
  previousParts: readonly RequestPart[];
  previousResults: readonly PartResult[];
  /** What the previous request changed: its edited strings by path, blocks changed and markers (carried when all its blocks are). */
  previousSent: {
    readonly strings: ReadonlyMap<string, string>;
    readonly blocksChanged: number;
    readonly markers: number;
  };
  /** The store's drop count when the previous request's markers were last all found (see `Store.drops`). */
  storeDrops: number | null;
  /** Content hash of the previous request's last message (null before the first): where its prefix ends in the next one. */
  previousLastMessage: string | null;
  /** Once a marker was sent, the retrieve tool stays in every later request (a flickering tool list busts caches). */
  retrieveToolSent: boolean;
  /** Blocks that failed open so far. */
  failures: number;
  /** Tool outputs sent so far, as sent: what a new output may point back to. */
  readonly sent: SentOutputs;
  /** The cache aligner's breakpoints and prompt cache key: sent again exactly as first sent. */
  readonly alignment: CacheAlignmentState;
}

/** Options of one session. */
export interface SessionOptions {
  /**
   * The session or tenant its originals belong to; `terse_retrieve` for this session must read
   * `session.store`. @default a new random id (nothing this session stores resolves elsewhere)
   */
  readonly scope?: string;
}

/** A fresh session over one engine setup. */
export function createSession(setup: EngineSetup, options: SessionOptions = {}): EngineSession {
  const store = scopedStore(setup.store, options.scope ?? randomUUID());
  return {
    setup,
    store,
    decided: new Map(),
    byMessage: new WeakMap(),
    previousMessageCount: 0,
    previousLastMessage: null,
    previousParts: [],
    previousResults: [],
    storeDrops: null,
    previousSent: { strings: new Map(), blocksChanged: 0, markers: 0 },
    retrieveToolSent: false,
    failures: 0,
    sent: new SentOutputs(),
    alignment: createCacheAlignmentState(),
  };
}
