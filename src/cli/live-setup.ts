/**
 * Turns the `--live` options into a live session, checking first what would make the run fail or
 * cost what nobody agreed to: a missing key (at once, before anything is read or written), an
 * endpoint for OpenAI-form traces, a budget on an unpriced model; then prints the estimated cost
 * and asks for it to be confirmed (`--yes`).
 */
import { createInterface } from 'node:readline/promises';
import type { TerseEnvironment } from '../config.ts';
import { ConfigError, ConfirmationRequiredError, MissingCredentialError } from '../errors.ts';
import { resolveBenchConfig, type BenchConfig } from '../bench/bench-config.ts';
import { estimateLiveCost, type RouteEstimate } from '../bench/live/cost-estimate.ts';
import { resolveLiveOptions, type LiveOptions, type RouteSettings } from '../bench/live/live-options.ts';
import { createLiveSession, type LiveSession } from '../bench/live/live-session.ts';
import { BUNDLED_PRICES, priceOf, readPriceTable } from '../bench/live/model-prices.ts';
import type { Probe } from '../bench/probe.ts';
import type { Trace } from '../bench/trace.ts';
import { createTokenRuler } from '../tokenize/token-ruler.ts';
import type { TokenizerName } from '../tokenize/tokenizer-name.ts';
import type { Provider } from '../types.ts';
import { formatCount } from '../report/format-figures.ts';
import { formatUsd } from '../report/render-live-tables.ts';
import type { LiveFlags } from './live-flags.ts';

/** The providers' own endpoints, used unless a base URL is given. */
export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const DEFAULT_MODELS: Readonly<Record<Provider, string>> = { anthropic: 'claude-haiku-4-5', openai: 'gpt-4.1-mini' };

/** Checks the options against the environment; throws a one-line error before anything is read. */
export function checkLiveFlags(flags: LiveFlags, env: TerseEnvironment): LiveOptions {
  const openaiRoute = (model: string | undefined, baseUrl: string | undefined): RouteSettings => ({
    provider: 'openai',
    model: model ?? DEFAULT_MODELS.openai,
    baseUrl: baseUrl ?? OPENAI_BASE_URL,
    apiKey: env.openaiApiKey,
  });
  let routes: LiveOptions['routes'];
  if (flags.provider === 'anthropic') {
    if (env.anthropicApiKey === null) {
      throw new MissingCredentialError(
        'ANTHROPIC_API_KEY',
        '--live asks an Anthropic model and has no key',
        '--provider openai --base-url URL for an OpenAI-compatible server',
      );
    }
    routes = {
      anthropic: {
        provider: 'anthropic',
        model: flags.model ?? DEFAULT_MODELS.anthropic,
        baseUrl: flags.baseUrl ?? ANTHROPIC_BASE_URL,
        apiKey: env.anthropicApiKey,
      },
      openai: openaiRoute(flags.openaiModel, flags.openaiBaseUrl),
    };
  } else {
    if (flags.openaiModel !== undefined || flags.openaiBaseUrl !== undefined)
      throw new ConfigError('--openai-model', 'with --provider openai every trace goes to --model at --base-url');
    const route = openaiRoute(flags.model, flags.baseUrl);
    if (route.baseUrl === OPENAI_BASE_URL && env.openaiApiKey === null) {
      throw new MissingCredentialError(
        'OPENAI_API_KEY',
        '--live --provider openai asks the OpenAI API and has no key',
        '--base-url URL for a local server that wants none',
      );
    }
    routes = { anthropic: route, openai: route };
  }
  return resolveLiveOptions({
    routes,
    cacheDir: flags.cacheDir ?? env.liveCacheDir,
    maxRounds: flags.maxRounds,
    concurrency: flags.concurrency,
    budgetUsd: flags.budgetUsd ?? null,
    points: flags.liveLast ? ['first', 'last'] : ['first'],
    prices: flags.prices === undefined ? BUNDLED_PRICES : readPriceTable(flags.prices),
    stream: flags.stream,
    timeoutMs: flags.timeoutMs,
    maxRetries: flags.maxRetries,
  });
}

/** The routes the traces need, the others dropped; an OpenAI-form trace needs a key or a local endpoint. */
function usedRoutes(options: LiveOptions, traces: readonly Trace[]): LiveOptions {
  const forms = new Set(traces.map((trace) => trace.header.provider));
  const openaiForm = traces.filter((trace) => trace.header.provider === 'openai');
  const openai = options.routes.openai;
  if (openaiForm.length > 0 && openai !== null && openai.baseUrl === OPENAI_BASE_URL && openai.apiKey === null) {
    const names = openaiForm
      .slice(0, 2)
      .map((trace) => trace.header.id)
      .join(', ');
    throw new MissingCredentialError(
      'OPENAI_API_KEY',
      `--live: ${openaiForm.length} traces are in OpenAI form (${names}${openaiForm.length > 2 ? ', ...' : ''}) and go to the OpenAI API`,
      '--openai-base-url URL for a local server',
    );
  }
  return {
    ...options,
    routes: {
      anthropic: forms.has('anthropic') ? options.routes.anthropic : null,
      openai: forms.has('openai') ? openai : null,
    },
  };
}

function estimateLines(
  estimates: readonly RouteEstimate[],
  options: LiveOptions,
  configs: number,
  tokenizer: TokenizerName,
): string[] {
  const lines = [
    `live: ${configs} configs x the probes at ${options.points.join(' and ')} scoring points, max ${options.maxRounds} model calls per answer:`,
  ];
  for (const e of estimates) {
    const cost =
      e.oneCallUsd === null || e.ceilingUsd === null
        ? `${e.model} has no price in the table (as of ${options.prices.as_of}): cost unknown`
        : `about ${formatUsd(e.oneCallUsd)} if each answer takes one call, at most ${formatUsd(e.ceilingUsd)} if each uses every round`;
    lines.push(
      `  ${formatCount(e.answers)} answers from ${e.provider} ${e.model} (${e.form}-form traces), ${formatCount(e.inputTokens)} input tokens before compression (${tokenizer}): ${cost}`,
    );
  }
  lines.push(
    `  prices as of ${options.prices.as_of} (${options.prices.source}); compression lowers the input, the response cache makes a re-run free`,
  );
  return lines;
}

async function confirm(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await terminal.question(question)).trim());
  } finally {
    terminal.close();
  }
}

/** A confirmed live run, ready to start. */
export interface LiveRunPlan {
  readonly session: LiveSession;
  /** The configs with `none` first when it was missing: every answer is paired with it. */
  readonly configs: readonly BenchConfig[];
}

/** Estimates, asks for confirmation, and opens the session; throws when the run is not confirmed. */
export async function planLiveRun(
  checked: LiveOptions,
  flags: LiveFlags,
  run: {
    traces: readonly Trace[];
    probes: readonly Probe[];
    configs: readonly BenchConfig[];
    tokenizer: TokenizerName;
  },
  env: TerseEnvironment,
): Promise<LiveRunPlan> {
  const options = usedRoutes(checked, run.traces);
  if (options.budgetUsd !== null) {
    for (const route of [options.routes.anthropic, options.routes.openai]) {
      if (route !== null && priceOf(options.prices, route.model) === null) {
        throw new ConfigError(
          '--budget-usd',
          `${route.model} has no price in the table (as of ${options.prices.as_of}): pass --prices FILE with its price`,
        );
      }
    }
  }
  let configs = run.configs;
  if (!configs.some((config) => config.name === 'none')) {
    process.stderr.write('live: adding config none, the uncompressed baseline every answer is paired with\n');
    configs = [resolveBenchConfig('none'), ...configs];
  }
  const ruler = createTokenRuler(run.tokenizer);
  const estimates = estimateLiveCost(
    { traces: run.traces, probes: run.probes, configs: configs.length, countTokens: (text) => ruler.count(text) },
    options,
  );
  const lines = estimateLines(estimates, options, configs.length, run.tokenizer);
  process.stderr.write(`${lines.join('\n')}\n`);
  if (!flags.yes) {
    const ceiling = estimates.reduce((n, e) => n + (e.ceilingUsd ?? 0), 0);
    const summary = `live run estimated at most ${formatUsd(ceiling)}${estimates.some((e) => e.ceilingUsd === null) ? ' plus unpriced calls' : ''}`;
    if (!(env.stdinIsTTY && env.stderrIsTTY) || !(await confirm(`${summary}. Run it? [y/N] `)))
      throw new ConfirmationRequiredError(summary);
  }
  return { session: createLiveSession(options, { countTokens: (text) => ruler.count(text) }), configs };
}
