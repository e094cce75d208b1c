/**
 * What a live run will cost, told before anything is sent: the tokens of every request at the
 * probes' scoring points, uncompressed (a ceiling: compression only lowers them), times the configs,
 * at the route's prices; once with one model call per answer, and once with every round used.
 */
import { requestParts } from '../../engine/request/request-parts.ts';
import { RETRIEVE_TOOL_ANTHROPIC } from '../../retrieve/retrieve-tool.ts';
import type { Provider } from '../../types.ts';
import type { Probe } from '../probe.ts';
import { firstRequestOf } from '../replay-trace.ts';
import { requestAt, requestMessageCounts, type Trace } from '../trace.ts';
import { wantsRubric } from './grade-answer.ts';
import type { LiveOptions } from './live-options.ts';
import { costOf, priceOf } from './model-prices.ts';
import { questionTurnText } from './question-prompt.ts';

/** Output tokens an answer is assumed to take (the prompt asks for the answer alone). */
const ANSWER_OUTPUT_TOKENS = 100;
/** A rubric call: question, references, candidate, one word back. */
const RUBRIC_INPUT_TOKENS = 250;

/** The estimate for the answers one route gives. */
export interface RouteEstimate {
  readonly form: Provider;
  readonly provider: Provider;
  readonly model: string;
  readonly answers: number;
  /** Input tokens of the first model call of every answer, before compression (the run's tokenizer). */
  readonly inputTokens: number;
  /** USD if every answer takes one model call; null when the model is unpriced. */
  readonly oneCallUsd: number | null;
  /** USD if every answer uses every round, each re-sending the uncompressed request. */
  readonly ceilingUsd: number | null;
}

/** A trace, the probes asked on it, and how many configs answer each. */
export interface EstimateInput {
  readonly traces: readonly Trace[];
  readonly probes: readonly Probe[];
  readonly configs: number;
  readonly countTokens: (text: string) => number;
}

/** The estimate per route, for the traces' probes under `configs` configs at the options' scoring points. */
export function estimateLiveCost(input: EstimateInput, options: LiveOptions): RouteEstimate[] {
  const byForm = new Map<Provider, { answers: number; tokens: number; rubrics: number }>();
  const retrieveTool = input.countTokens(JSON.stringify(RETRIEVE_TOOL_ANTHROPIC));
  for (const trace of input.traces) {
    const probes = input.probes.filter((probe) => probe.trace === trace.header.id);
    if (probes.length === 0) continue;
    const counts = requestMessageCounts(trace);
    const counted = new Map<number, number>();
    const tokensAt = (index: number): number => {
      let tokens = counted.get(index);
      if (tokens === undefined) {
        const body = requestAt(trace, index)?.body ?? {};
        tokens = requestParts(trace.header.provider, body).reduce((n, part) => n + input.countTokens(part.text), 0);
        counted.set(index, tokens);
      }
      return tokens;
    };
    const group = byForm.get(trace.header.provider) ?? { answers: 0, tokens: 0, rubrics: 0 };
    for (const probe of probes) {
      const points = options.points.map((point) =>
        point === 'first' ? firstRequestOf(probe, counts) : counts.length - 1,
      );
      for (const index of points) {
        group.answers += input.configs;
        group.tokens +=
          input.configs * (tokensAt(index) + retrieveTool + input.countTokens(questionTurnText(probe.question)));
        if (wantsRubric(probe)) group.rubrics += input.configs;
      }
    }
    byForm.set(trace.header.provider, group);
  }
  const estimates: RouteEstimate[] = [];
  for (const [form, group] of byForm) {
    const route = options.routes[form];
    if (route === null) continue;
    const price = priceOf(options.prices, route.model);
    const usd = (calls: number): number | null => {
      if (price === null) return null;
      const answers = costOf(
        {
          input: group.tokens * calls,
          output: group.answers * ANSWER_OUTPUT_TOKENS * calls,
          cacheRead: 0,
          cacheWrite: 0,
        },
        price,
      );
      return (
        answers +
        costOf(
          { input: group.rubrics * RUBRIC_INPUT_TOKENS, output: group.rubrics, cacheRead: 0, cacheWrite: 0 },
          price,
        )
      );
    };
    estimates.push({
      form,
      provider: route.provider,
      model: route.model,
      answers: group.answers,
      inputTokens: group.tokens,
      oneCallUsd: usd(1),
      ceilingUsd: usd(options.maxRounds),
    });
  }
  return estimates;
}
