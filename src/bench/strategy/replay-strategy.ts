/**
 * What a bench configuration is to the replay: something that compresses each request of a session
 * and keeps what it dropped in a store `terse_retrieve` reads. terse's engine is one; the baselines
 * (and strategies plugged in from outside) are others. Contenders are adapters; the workload is data.
 */
import type { CanonicalRequest } from '../../engine/request/canonical-request.ts';
import type { CompressedRequest } from '../../engine/compress-request.ts';
import type { Store } from '../../store/store.ts';
import type { TokenRuler } from '../../tokenize/token-ruler.ts';
import type { TokenizerName } from '../../tokenize/tokenizer-name.ts';

/** Compresses the requests of one conversation, in order, as a proxy meets them. */
export type SessionCompressor = (request: CanonicalRequest) => Promise<CompressedRequest>;

/** An opened configuration: a store, the ruler it counts with, and fresh sessions on demand. */
export interface ReplayStrategy {
  /** Where dropped originals went, each under its session's scope: the reader's `terse_retrieve` calls read it under that scope. */
  readonly store: Store;
  readonly ruler: TokenRuler;
  /** A new conversation's compressor (its own frozen blocks and retrieve-tool state), storing under `scope`. */
  newSession(scope: string): SessionCompressor;
  /** What the strategy learned of itself while running (an external proxy's name and version), for the report. */
  describe?(): string | null;
  close(): Promise<void>;
}

/** What every strategy is opened with. */
export interface StrategyContext {
  readonly tokenizer: TokenizerName;
}

/** How a configuration opens its strategy (each open gets its own store and ruler). */
export type OpenStrategy = (context: StrategyContext) => Promise<ReplayStrategy>;
