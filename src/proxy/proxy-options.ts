/** Options of the proxy, resolved once: `{ ...DEFAULT_PROXY_OPTIONS, ...options }`. */

/** How the proxy runs; every field has a default. */
export interface ProxyOptions {
  /** Where Anthropic requests go (origin, optionally with a base path). @default "https://api.anthropic.com" */
  readonly anthropicUpstream: string;
  /** Where OpenAI requests go (origin, optionally with a base path). @default "https://api.openai.com" */
  readonly openaiUpstream: string;
  /** Largest request body accepted on the model endpoints, in bytes; larger is a 413. @default 33_554_432 (32 MiB) */
  readonly maxBodyBytes: number;
  /** Sessions held at once (least recently used dropped first, with their frozen decisions). @default 256 */
  readonly maxSessions: number;
  /** Estimated bytes all sessions' frozen decisions may hold before the least recently used go. @default 268_435_456 (256 MiB) */
  readonly maxSessionBytes: number;
  /** Upstream continuations one client request may take to answer `terse_retrieve` calls. @default 4 */
  readonly maxRetrieveRounds: number;
  /** Folder where each session is written as a Trace v1 file, or null. @default null */
  readonly recordDir: string | null;
  /** Receives one line per request (never a header value). @default no-op */
  readonly log: (line: string) => void;
  /**
   * True: only the newest turn's blocks are ever compressed for the first time; a session the proxy
   * joins midway keeps its history as the client sent it (the provider may have it cached). False:
   * every block not yet decided is compressed, as `terse bench` replays a session from its start
   * (for a client that sends all its traffic through the proxy from its first request). @default true
   */
  readonly liveZoneOnly: boolean;
}

/** Defaults of `ProxyOptions`. */
export const DEFAULT_PROXY_OPTIONS: ProxyOptions = {
  anthropicUpstream: 'https://api.anthropic.com',
  openaiUpstream: 'https://api.openai.com',
  maxBodyBytes: 32 * 1024 * 1024,
  maxSessions: 256,
  maxSessionBytes: 256 * 1024 * 1024,
  maxRetrieveRounds: 4,
  recordDir: null,
  log: () => undefined,
  liveZoneOnly: true,
};

/** Resolves options without touching the caller's object. */
export function resolveProxyOptions(options: Partial<ProxyOptions> = {}): ProxyOptions {
  return { ...DEFAULT_PROXY_OPTIONS, ...options };
}
