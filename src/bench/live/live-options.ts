/** How a live run asks its model(s): resolved once from the command line, never read from the environment here. */
import type { Provider } from '../../types.ts';
import type { ScoringPoint } from '../probe.ts';
import { BUNDLED_PRICES, type PriceTable } from './model-prices.ts';

/** One model endpoint: the API it speaks, the model, where, and the key (null for a local server that wants none). */
export interface RouteSettings {
  readonly provider: Provider;
  readonly model: string;
  readonly baseUrl: string;
  readonly apiKey: string | null;
}

/** Everything a live session needs, resolved. */
export interface LiveOptions {
  /**
   * The endpoint for each form a trace's requests come in: Anthropic-form requests go as they are
   * over the Anthropic route (or, translated, over an OpenAI-compatible one); OpenAI-form requests
   * go over the OpenAI route. Null: no endpoint for that form (its probes are errored).
   */
  readonly routes: Readonly<Record<Provider, RouteSettings | null>>;
  /** Where responses are kept, so a run resumes and pays nothing twice. */
  readonly cacheDir: string;
  /** Model calls per answer, tool rounds included. @default 4 */
  readonly maxRounds: number;
  /** Answers asked at the same time. @default 4 */
  readonly concurrency: number;
  /** USD this run may spend; null for no limit. @default null */
  readonly budgetUsd: number | null;
  /** The scoring points answered live. @default ['first'] */
  readonly points: readonly ScoringPoint[];
  /** @default BUNDLED_PRICES */
  readonly prices: PriceTable;
  /** Ask for streamed responses (server-sent events). @default false */
  readonly stream: boolean;
  /** Per attempt of a call. @default 120000 */
  readonly timeoutMs: number;
  /** Retries of a call on 429, 5xx, timeouts and dropped connections. @default 8 */
  readonly maxRetries: number;
}

/** The defaults of LiveOptions. */
export const LIVE_DEFAULTS = {
  maxRounds: 4,
  concurrency: 4,
  budgetUsd: null,
  points: ['first'],
  prices: BUNDLED_PRICES,
  stream: false,
  timeoutMs: 120_000,
  maxRetries: 8,
} as const satisfies Partial<LiveOptions>;

/** The defaults under `options`, without touching the caller's object. */
export function resolveLiveOptions(
  options: Pick<LiveOptions, 'routes' | 'cacheDir'> & Partial<LiveOptions>,
): LiveOptions {
  return { ...LIVE_DEFAULTS, ...options };
}
