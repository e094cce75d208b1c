/**
 * What a strategy plugged into the bench implements (`--config module:PATH`): either a compressor,
 * which runs inside terse's router, never-larger check and store, or a request-level function that
 * replaces the whole engine. Exported from the package's `./bench` entry.
 */
import type { Compressor } from '../../compressors/compressor.ts';
import type { JsonObject, Provider } from '../../types.ts';

/** What a request-level strategy may use: the run's store (so `terse_retrieve` finds what it drops) and ruler. */
export interface PluginRequestContext {
  readonly provider: Provider;
  /** Stores an original and returns its ref; put a marker made with `marker` where it was. */
  store(original: string): Promise<string>;
  /** The one marker form (`[[terse:<ref> description]]`): the reader and `terse_retrieve` understand no other. */
  marker(ref: string, description: string): string;
  /** Tokens of `text` under the run's tokenizer. */
  count(text: string): number;
  /** State kept for the conversation the request belongs to: fresh for every replayed session. */
  readonly session: Map<string, unknown>;
}

/** A whole-request strategy: the provider request body in, the body to send out. Must not mutate its input. */
export type RequestStrategy = (body: JsonObject, context: PluginRequestContext) => JsonObject | Promise<JsonObject>;

/** What a plug-in module exports, as its default export or as named exports. */
export interface StrategyPlugin {
  /** The name reports show. @default the file's name */
  readonly name?: string;
  /** Shown beside the name so runs stay comparable. */
  readonly version?: string;
  readonly description?: string;
  /** Runs inside terse's router for the kinds it lists (exactly one of compressor, compressRequest). */
  readonly compressor?: Compressor;
  /** Replaces the engine (exactly one of compressor, compressRequest). */
  readonly compressRequest?: RequestStrategy;
}
