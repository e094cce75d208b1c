/** The only module that reads the environment. Everything else receives these values as arguments. */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './errors.ts';
import { isTokenizerName, type TokenizerName } from './tokenize/tokenizer-name.ts';

export { TOKENIZER_NAMES, isTokenizerName, type TokenizerName } from './tokenize/tokenizer-name.ts';

export interface TerseEnvironment {
  /** Repository root (the folder holding package.json). */
  readonly projectRoot: string;
  /** `../shared` beside the repository, or TERSE_SHARED_DIR. May not exist (a user's machine). */
  readonly sharedDir: string;
  /** Where reports go unless `--out` says otherwise (TERSE_REPORTS_DIR). @default "./reports" under the working directory */
  readonly reportsDir: string;
  /** Tokenizer used unless a command names one (TERSE_TOKENIZER). @default "o200k_base" */
  readonly tokenizer: TokenizerName;
  /** True under CI (CI=true): progress bars stay off. */
  readonly ci: boolean;
  /** True when stderr is a terminal, so a progress bar may be drawn. */
  readonly stderrIsTTY: boolean;
  /**
   * The store `terse compress` and `terse retrieve` share (TERSE_STORE): a folder (file store, safe for
   * any number of processes), or a path ending in `.duckdb` for a DuckDB file (one process at a time).
   * @default "~/.cache/terse/store"
   */
  readonly storeFile: string;
  /** The DuckDB store file earlier versions used by default; retrieve still looks there on a miss. */
  readonly legacyStoreFile: string;
  /** The working directory the command was started in. */
  readonly cwd: string;
  /** Short git sha of the checkout, from TERSE_GIT_SHA when set (else read from .git by the caller). */
  readonly gitShaOverride: string | null;
  /** True when stdin is a terminal, so a command may ask for confirmation. */
  readonly stdinIsTTY: boolean;
  /** The Anthropic API key `--live` sends with (ANTHROPIC_API_KEY); null when unset or empty. */
  readonly anthropicApiKey: string | null;
  /** The key of an OpenAI-compatible API (OPENAI_API_KEY); null when unset (local servers want none). */
  readonly openaiApiKey: string | null;
  /** Where `--live` keeps model responses, so runs resume (TERSE_LIVE_CACHE). @default "~/.cache/terse/live" */
  readonly liveCacheDir: string;
  /** The property and fuzz suites' budget: generated cases per property (TERSE_FUZZ_RUNS, `npm run fuzz`); null is the CI budget. */
  readonly fuzzRuns: number | null;
  /** The property suites' seed (TERSE_FUZZ_SEED). @default 18 (fixed: CI runs the same cases every time) */
  readonly fuzzSeed: number;
  /** Where `terse models add` puts text models and `--text-model NAME` finds them (TERSE_MODELS_DIR). @default "~/.cache/terse/models" */
  readonly modelsDir: string;
  /** The model hub `terse models pull` tries (HF_ENDPOINT). @default "https://huggingface.co" */
  readonly modelHub: string;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The tokenizer TERSE_TOKENIZER names, or the error to raise when a command reads it. */
function readTokenizer(value: string | undefined): TokenizerName | ConfigError {
  if (value === undefined || value === '') return 'o200k_base';
  if (isTokenizerName(value)) return value;
  return new ConfigError(
    'TERSE_TOKENIZER',
    `must be o200k_base or cl100k_base, not ${JSON.stringify(value.slice(0, 80))}`,
  );
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}

function positiveInteger(value: string | undefined): number | null {
  const n = value === undefined ? Number.NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Reads the environment once. */
export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): TerseEnvironment {
  const cacheHome = env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  const tokenizer = readTokenizer(env.TERSE_TOKENIZER);
  return {
    projectRoot,
    sharedDir: path.resolve(env.TERSE_SHARED_DIR ?? path.join(projectRoot, '..', 'shared')),
    reportsDir: path.resolve(env.TERSE_REPORTS_DIR ?? path.join(process.cwd(), 'reports')),
    // Read when a command needs it, so a bad value is the command's one-line error, not a crash at import.
    get tokenizer(): TokenizerName {
      if (tokenizer instanceof ConfigError) throw tokenizer;
      return tokenizer;
    },
    ci: env.CI === 'true' || env.CI === '1',
    stderrIsTTY: Boolean(process.stderr.isTTY),
    storeFile: path.resolve(env.TERSE_STORE ?? path.join(cacheHome, 'terse', 'store')),
    legacyStoreFile: path.join(cacheHome, 'terse', 'store.duckdb'),
    cwd: process.cwd(),
    gitShaOverride: env.TERSE_GIT_SHA ?? null,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    anthropicApiKey: nonEmpty(env.ANTHROPIC_API_KEY),
    openaiApiKey: nonEmpty(env.OPENAI_API_KEY),
    liveCacheDir: path.resolve(env.TERSE_LIVE_CACHE ?? path.join(cacheHome, 'terse', 'live')),
    fuzzRuns: positiveInteger(env.TERSE_FUZZ_RUNS),
    fuzzSeed: positiveInteger(env.TERSE_FUZZ_SEED) ?? 18,
    modelsDir: path.resolve(env.TERSE_MODELS_DIR ?? path.join(cacheHome, 'terse', 'models')),
    modelHub: nonEmpty(env.HF_ENDPOINT) ?? 'https://huggingface.co',
  };
}

/** The environment of this process, read at first use. */
export const environment: TerseEnvironment = loadEnvironment();
