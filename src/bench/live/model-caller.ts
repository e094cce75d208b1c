/**
 * One model call as the live bench makes it: from the response cache when the same bytes were
 * answered before, else sent over the route once the budget allows it, then stored. Identical
 * requests in flight at the same time share one send.
 */
import type { JsonObject } from '../../types.ts';
import type { ModelPrice } from './model-prices.ts';
import { costOf } from './model-prices.ts';
import { responseKey, type ResponseCache } from './response-cache.ts';
import type { ModelReply, ModelRoute } from './routes/model-route.ts';
import type { SpendLedger } from './spend-ledger.ts';

/** Output tokens a call reserves budget for: answers are short, and `max_tokens` is only a ceiling. */
const RESERVED_OUTPUT_TOKENS = 1024;

/** A call's result: the response read, whether the cache held it, and what it cost; or not run (budget). */
export type CallResult =
  | {
      readonly state: 'answered';
      readonly response: JsonObject;
      readonly reply: ModelReply;
      readonly cached: boolean;
      readonly costUsd: number | null;
    }
  | { readonly state: 'not-run' };

/** Makes one call: cached, or sent within the budget. */
export type ModelCall = (body: JsonObject) => Promise<CallResult>;

/** What a caller works with. */
export interface ModelCallerSetup {
  readonly route: ModelRoute;
  readonly cache: ResponseCache;
  readonly ledger: SpendLedger;
  /** Null for an unpriced model (then no budget can apply: the caller's setup refuses that). */
  readonly price: ModelPrice | null;
  /** The run's token ruler, to size a reservation before sending. */
  readonly countTokens: (text: string) => number;
}

/** What a call may cost at most, as far as can be told before sending it. */
function reservationOf(body: JsonObject, setup: ModelCallerSetup): number {
  if (setup.price === null || setup.ledger.budgetUsd === null) return 0;
  const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : RESERVED_OUTPUT_TOKENS;
  const usage = {
    input: setup.countTokens(JSON.stringify(body)),
    output: Math.min(maxTokens, RESERVED_OUTPUT_TOKENS),
    cacheRead: 0,
    cacheWrite: 0,
  };
  return costOf(usage, setup.price);
}

/** The one way the live bench calls a model: cache first, then the budget, then the route. */
export function modelCaller(setup: ModelCallerSetup): ModelCall {
  const { route, cache, ledger, price } = setup;
  const inFlight = new Map<string, Promise<JsonObject | null>>();

  /** Sends once (budget permitting) and stores; null when the budget refused the call. */
  const send = async (key: string, body: JsonObject): Promise<JsonObject | null> => {
    const reservation = ledger.reserve(reservationOf(body, setup));
    if (reservation === null) return null;
    let paid = 0;
    try {
      const response = await route.transport.send(body);
      const reply = route.wire.readReply(response);
      paid = price === null ? 0 : costOf(reply.usage, price);
      await cache.put(key, route.wire.provider, response);
      return response;
    } finally {
      ledger.settle(reservation, paid);
    }
  };

  return async (body) => {
    const key = responseKey(route.wire.provider, body);
    const stored = await cache.get(key);
    let response = stored;
    let cached = stored !== null;
    if (response === null) {
      const pending = inFlight.get(key);
      if (pending) {
        response = await pending;
      } else {
        const sending = send(key, body);
        inFlight.set(key, sending);
        try {
          response = await sending;
        } finally {
          inFlight.delete(key);
        }
        cached = false;
      }
      if (response === null) return { state: 'not-run' };
      if (pending) cached = true;
    }
    const reply = route.wire.readReply(response);
    return { state: 'answered', response, reply, cached, costUsd: price === null ? null : costOf(reply.usage, price) };
  };
}
