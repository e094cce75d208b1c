/** The `--live` options `replay` and `bench` share: declared once, read back as plain values. */
import { InvalidArgumentError, type Command } from 'commander';

/** The options as typed, before they are checked against the environment (live-setup.ts). */
export interface LiveFlags {
  readonly live: boolean;
  readonly provider: 'anthropic' | 'openai';
  readonly model?: string;
  readonly baseUrl?: string;
  readonly openaiModel?: string;
  readonly openaiBaseUrl?: string;
  readonly maxRounds: number;
  readonly concurrency: number;
  readonly budgetUsd?: number;
  readonly liveLast: boolean;
  readonly stream: boolean;
  readonly prices?: string;
  readonly cacheDir?: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly yes: boolean;
}

function positiveInteger(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1`);
    return n;
  };
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number, 0 or more');
  return n;
}

function usd(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number of US dollars');
  return n;
}

function provider(value: string): 'anthropic' | 'openai' {
  if (value !== 'anthropic' && value !== 'openai') throw new InvalidArgumentError('must be anthropic or openai');
  return value;
}

/** Adds the live options to `command`. */
export function addLiveFlags(command: Command): Command {
  return command
    .option(
      '--live',
      'also ask a model every probe over the compressed request, terse_retrieve executed locally (paired with none)',
      false,
    )
    .option(
      '--provider <api>',
      'anthropic (Messages API via @anthropic-ai/sdk) or openai (any OpenAI-compatible server, every trace sent there)',
      provider,
      'anthropic' as const,
    )
    .option('--model <name>', 'the model asked (default: claude-haiku-4-5, or gpt-4.1-mini with --provider openai)')
    .option('--base-url <url>', "the provider's base URL (default: the provider's own API)")
    .option(
      '--openai-model <name>',
      'with --provider anthropic: the model OpenAI-form traces are sent to (default: gpt-4.1-mini)',
    )
    .option(
      '--openai-base-url <url>',
      'with --provider anthropic: where OpenAI-form traces are sent (default: https://api.openai.com/v1)',
    )
    .option(
      '--max-rounds <n>',
      'model calls per answer, terse_retrieve rounds included',
      positiveInteger('--max-rounds'),
      4,
    )
    .option('--concurrency <n>', 'answers asked at the same time', positiveInteger('--concurrency'), 4)
    .option(
      '--budget-usd <usd>',
      'stop sending once this run would spend more (what was answered is kept; the rest is marked not-run)',
      usd,
    )
    .option('--live-last', "also answer at each probe's last scoring point (the session's last request)", false)
    .option('--stream', 'ask for streamed responses (server-sent events)', false)
    .option(
      '--prices <file>',
      'a JSON price table laid over the bundled one ({as_of, source, models: {name: {input, output, cache_read, cache_write}}}, USD per million tokens)',
    )
    .option(
      '--cache-dir <dir>',
      'where responses are kept so a run resumes (default: TERSE_LIVE_CACHE or ~/.cache/terse/live)',
    )
    .option('--timeout-ms <ms>', 'per attempt of a model call', positiveInteger('--timeout-ms'), 120_000)
    .option('--max-retries <n>', 'retries of a model call on 429, 5xx, timeouts', nonNegativeInteger, 8)
    .option('-y, --yes', 'run a live bench without asking to confirm its estimated cost', false);
}

/** The live options out of a command's parsed options. */
export function liveFlagsOf(opts: LiveFlags): LiveFlags {
  const {
    live,
    provider: api,
    model,
    baseUrl,
    openaiModel,
    openaiBaseUrl,
    maxRounds,
    concurrency,
    budgetUsd,
    liveLast,
    stream,
    prices,
    cacheDir,
    timeoutMs,
    maxRetries,
    yes,
  } = opts;
  return {
    live,
    provider: api,
    model,
    baseUrl,
    openaiModel,
    openaiBaseUrl,
    maxRounds,
    concurrency,
    budgetUsd,
    liveLast,
    stream,
    prices,
    cacheDir,
    timeoutMs,
    maxRetries,
    yes,
  };
}
