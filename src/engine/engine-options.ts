/** Options of the engine, resolved once: `{ ...DEFAULT_ENGINE_OPTIONS, ...options }`. */
import type { TokenizerName } from '../config.ts';
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
  /** A compressor slower than this on one block is ignored and the block passes (fail open). @default 2000 */
  readonly deadlineMs: number;
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
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  profile: 'balanced',
  compressors: null,
  minBlockTokens: 50,
  excludeTools: [],
  deadlineMs: 2_000,
  maxBlockChars: 8_000_000,
  tokenizer: 'o200k_base',
  repeats: true,
  profileByCompressor: {},
};

/** Resolves options without touching the caller's object. */
export function resolveEngineOptions(options: Partial<EngineOptions> = {}): EngineOptions {
  return { ...DEFAULT_ENGINE_OPTIONS, ...options };
}

/** True when `name` matches one of the globs. */
export function matchesToolGlob(name: string, globs: readonly string[]): boolean {
  return globs.some((glob) => {
    const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${pattern}$`).test(name);
  });
}
