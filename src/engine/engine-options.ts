/** Options of the engine, resolved once: `{ ...DEFAULT_ENGINE_OPTIONS, ...options }`. */
import type { TokenizerName } from '../tokenize/tokenizer-name.ts';
import type { Profile } from '../types.ts';

export interface EngineOptions {
  /** How far compressors may go; `lossless` never leaves a marker. @default "balanced" */
  readonly profile: Profile;
  /** Names of the compressors allowed to run; null allows every one the profile uses. @default null */
  readonly compressors: readonly string[] | null;
  /** Blocks smaller than this many tokens pass unchanged. @default 50 */
  readonly minBlockTokens: number;
  /** Tool names whose results are never compressed, as globs (`*` and `?`). @default [] */
  readonly excludeTools: readonly string[];
  /**
   * The work one block may cost, in characters read: each compressor tried on the block (or on one of
   * its sections) spends the length of what it is handed. A block whose next step would overspend
   * passes unchanged, with the reason `over-budget`. Counted, not timed: outputs never depend on how
   * busy the machine is. @default 32_000_000 (four reads of the largest block `maxBlockChars` admits)
   */
  readonly workBudgetChars: number;
  /**
   * Blocks longer than this many characters pass unchanged: compressors are not preemptible, and a
   * 100 MB log would hold the request for tens of seconds. @default 8_000_000
   */
  readonly maxBlockChars: number;
  /** The token ruler. @default "o200k_base" */
  readonly tokenizer: TokenizerName;
  /**
   * A new tool output that largely repeats outputs the session already sent is sent as its new lines
   * plus pointers to where the model has the rest (lossy profiles only). @default true
   */
  readonly repeats: boolean;
  /**
   * A profile per compressor name, in place of `profile` for what that compressor is asked: e.g.
   * `{ "log": "aggressive", "text": "lossless" }` folds logs harder and leaves prose whole while the
   * rest runs under `profile`. The engine's own choices (repeats) follow `profile`. @default {}
   */
  readonly profileByCompressor: Readonly<Record<string, Profile>>;
  /**
   * The first marker of a session adds terse_retrieve to every later request and busts the cached
   * prefix: it is sent only when the saving repays that over this many later requests (see
   * engine/retrieve-tool-economics.ts); 0 turns the check off. An agent session of the corpus runs about
   * 40 calls, the first marker typically half way. @default 20
   */
  readonly expectedLaterRequests: number;
  /**
   * Under a lossy profile, an agent conversation (its request declares tools) whose first request the
   * engine sees (no reply from the model yet) gets terse_retrieve from that request on: the tool list
   * then never changes mid-session, so no cached prefix is ever busted for it, at the tool's tokens on
   * every request (a session with almost nothing to compress then costs a little more than without
   * terse; the requests before its first marker are larger by the tool's definition). False: the tool
   * comes with the first markers that repay it (`expectedLaterRequests`). @default true
   */
  readonly retrieveToolFromStart: boolean;
  /**
   * A token-classification model folder (Kompress / LLMLingua-2 layout) that compresses prose in the
   * extractive text compressor's place; null keeps the extractive one and never loads a model. @default null
   */
  readonly textModel: string | null;
  /**
   * The cache aligner (engine/cache-aligner/): reports volatile values in the system prompt and tool
   * definitions; for an Anthropic client that sets no `cache_control`, adds breakpoints where they pay;
   * for OpenAI, sets `prompt_cache_key` from the session. It adds members only, never rewrites a byte
   * an earlier request sent. @default true
   */
  readonly cacheAligner: boolean;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  profile: 'balanced',
  compressors: null,
  minBlockTokens: 50,
  excludeTools: [],
  workBudgetChars: 32_000_000,
  maxBlockChars: 8_000_000,
  tokenizer: 'o200k_base',
  repeats: true,
  profileByCompressor: {},
  expectedLaterRequests: 20,
  retrieveToolFromStart: true,
  textModel: null,
  cacheAligner: true,
};

/** Resolves options without touching the caller's object. */
export function resolveEngineOptions(options: Partial<EngineOptions> = {}): EngineOptions {
  return { ...DEFAULT_ENGINE_OPTIONS, ...options };
}

/** True when `name` matches one of the globs. */
// Not picomatch: a tool name is flat, and its `*` stopping at `/` or its braces and `!` would surprise `mcp__git__*`.
export function matchesToolGlob(name: string, globs: readonly string[]): boolean {
  return globs.some((glob) => {
    const pattern = glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    return new RegExp(`^${pattern}$`).test(name);
  });
}
