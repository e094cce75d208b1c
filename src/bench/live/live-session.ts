/**
 * A live run: at every scoring point the replay reaches, the probe's question is asked of a model
 * over the compressed request (terse_retrieve executed on the run's store), graded, and kept as a
 * row. Answers run beside the replay, `concurrency` at a time; once the budget is spent the rest
 * are marked not-run and nothing more is sent.
 */
import pLimit from 'p-limit';
import { compressedBody } from '../../engine/compress-request.ts';
import type { Provider } from '../../types.ts';
import type { ScoringPointEvent, ScoringPointHook } from '../replay-trace.ts';
import { answerProbe, type ProbeAnswer } from './answer-probe.ts';
import { gradeAnswer, type Grade } from './grade-answer.ts';
import type { LiveOptions } from './live-options.ts';
import type { LiveProbeRow, LiveResult } from './live-rows.ts';
import { modelCaller, type ModelCall } from './model-caller.ts';
import { priceOf } from './model-prices.ts';
import { ResponseCache } from './response-cache.ts';
import { anthropicToOpenai } from './routes/openai/anthropic-to-openai.ts';
import { createModelRoute } from './routes/create-model-route.ts';
import type { ModelRoute } from './routes/model-route.ts';
import { SpendLedger } from './spend-ledger.ts';

const ANSWER_CHARS = 400;

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const rowOrder = (a: LiveProbeRow, b: LiveProbeRow): number =>
  text(a.trace, b.trace) || text(a.probe, b.probe) || text(a.point, b.point) || text(a.config, b.config);

/** A live run in progress: the replay's hook, and the rows it produced. */
export interface LiveSession {
  /** Hand this to the replay: it asks the model at each scoring point. */
  readonly onScoringPoint: ScoringPointHook;
  /** The rows so far and the run's context; complete once the replay has returned. */
  result(): LiveResult;
}

interface OpenRoute {
  readonly route: ModelRoute;
  readonly call: ModelCall;
}

/** What a session takes beside its options. */
export interface LiveSessionDependencies {
  /** The run's token ruler: sizes what a call reserves of the budget. */
  readonly countTokens: (text: string) => number;
  /** Opens a route; tests may hand their own. @default createModelRoute */
  readonly openRoute?: typeof createModelRoute;
}

/** Opens the routes the options name (one response cache and one budget for all) and returns the session. */
export function createLiveSession(options: LiveOptions, dependencies: LiveSessionDependencies): LiveSession {
  const cache = new ResponseCache(options.cacheDir);
  const ledger = new SpendLedger(options.budgetUsd);
  const open = dependencies.openRoute ?? createModelRoute;
  const routes = new Map<Provider, OpenRoute | null>();
  for (const form of ['anthropic', 'openai'] as const) {
    const settings = options.routes[form];
    if (settings === null) {
      routes.set(form, null);
      continue;
    }
    const route = open(settings, options);
    const price = priceOf(options.prices, settings.model);
    routes.set(form, {
      route,
      call: modelCaller({ route, cache, ledger, price, countTokens: dependencies.countTokens }),
    });
  }
  const limit = pLimit(options.concurrency);
  const rows: LiveProbeRow[] = [];

  const rowOf = (
    event: ScoringPointEvent,
    route: ModelRoute | null,
    answer: ProbeAnswer | null,
    grade: Grade | null,
    error: string | null,
  ): LiveProbeRow => {
    const { probe } = event;
    const answered = answer?.state === 'answered' ? answer : null;
    return {
      trace: event.trace,
      config: event.config,
      probe: probe.id,
      provider: route?.wire.provider ?? 'none',
      model: route?.model ?? 'none',
      kind: probe.kind,
      live_only: probe.live_only === true,
      point: event.point,
      request_index: event.requestIndex,
      state: answer === null ? 'errored' : answer.state,
      outcome: grade?.outcome ?? null,
      graded_by: grade?.gradedBy ?? null,
      model_grade: grade?.modelGrade ?? null,
      answer: answered === null ? null : answered.text.slice(0, ANSWER_CHARS),
      retrieve_calls: answer?.retrieveCalls ?? 0,
      model_calls: answer?.modelCalls ?? 0,
      cached_calls: answer?.cachedCalls ?? 0,
      input_tokens: answer?.usage.input ?? 0,
      output_tokens: answer?.usage.output ?? 0,
      cache_read_tokens: answer?.usage.cacheRead ?? 0,
      cache_write_tokens: answer?.usage.cacheWrite ?? 0,
      cost_usd: answer?.costUsd ?? 0,
      grading_cost_usd: grade?.gradingCostUsd ?? 0,
      error: answer?.state === 'errored' ? answer.error : error,
    };
  };

  const answerAt = async (event: ScoringPointEvent): Promise<LiveProbeRow> => {
    const form = event.compressed.request.provider;
    const opened = routes.get(form) ?? null;
    if (opened === null) return rowOf(event, null, null, null, `no model endpoint for ${form}-form requests`);
    const { route, call } = opened;
    const body = compressedBody(event.compressed);
    // Anthropic-form requests reach an OpenAI-compatible server translated; every other pairing goes as it is.
    const native = route.wire.provider === form ? body : anthropicToOpenai(body);
    const answer = await answerProbe(native, event.probe.question, {
      wire: route.wire,
      model: route.model,
      call,
      store: event.store,
      maxRounds: options.maxRounds,
    });
    if (answer.state !== 'answered') return rowOf(event, route, answer, null, null);
    const grade = await gradeAnswer(event.probe, answer.text, answer.exhausted, {
      wire: route.wire,
      model: route.model,
      call,
    });
    return rowOf(event, route, answer, grade, null);
  };

  return {
    onScoringPoint: (event) => {
      if (!options.points.includes(event.point)) return;
      return limit(async () => {
        rows.push(await answerAt(event));
      });
    },
    result: () => ({
      run: {
        routes: (['anthropic', 'openai'] as const).flatMap((form) => {
          const settings = options.routes[form];
          return settings === null
            ? []
            : [{ form, provider: settings.provider, model: settings.model, base_url: settings.baseUrl }];
        }),
        max_rounds: options.maxRounds,
        points: [...options.points],
        budget_usd: options.budgetUsd,
        spent_usd: ledger.spentUsd,
        budget_stopped: ledger.stopped,
        prices_as_of: options.prices.as_of,
        prices_source: options.prices.source,
      },
      // Answers finish in any order; rows are kept in one.
      probes: [...rows].sort(rowOrder),
    }),
  };
}
