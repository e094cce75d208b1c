/**
 * The retrieve loop for streamed responses: events go to the client as they arrive; only from the
 * start of a `terse_retrieve` call to the end of its round are they held. A round that called nothing
 * but the hidden tool is answered from the store and continued upstream, and its continuation streams
 * on into the same client response.
 */
import { RETRIEVE_TOOL_NAME } from '../retrieve/retrieve-tool.ts';
import { appendMessages } from './append-messages.ts';
import { answerRetrieveCalls } from './answer-retrieve-calls.ts';
import type { RetrieveLoopContext } from './retrieve-loop.ts';
import { sseEvents } from './sse-events.ts';
import type { UpstreamResponse } from './upstream-client.ts';

/** The client's stream, from the first upstream response (status 200, an event stream). */
export async function* relayRetrieveStream(
  first: UpstreamResponse,
  context: RetrieveLoopContext,
): AsyncGenerator<Uint8Array> {
  const { wire } = context;
  const relay = wire.streamRelay(RETRIEVE_TOOL_NAME);
  let body = context.sentBody;
  let upstream = first;
  for (let round = 0; ; round++) {
    relay.beginRound();
    for await (const event of sseEvents(upstream.body)) yield* relay.push(event);
    const calls = relay.calls();
    const hidden = calls.filter((call) => call.name === RETRIEVE_TOOL_NAME);
    const continuing = hidden.length > 0 && hidden.length === calls.length && round < context.maxRounds;
    yield* relay.release(continuing);
    if (!continuing) return;
    const answers = await answerRetrieveCalls(context.store, hidden, context.stats);
    body = appendMessages(body, [relay.assistantMessage(), ...wire.toolResultMessages(answers)]);
    context.stats.retrieveRounds++;
    try {
      upstream = await context.send(body);
    } catch (error) {
      yield wire.streamError(
        `upstream unreachable for a terse_retrieve continuation: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    if (upstream.status !== 200) {
      const detail = (await upstream.body.text()).slice(0, 500);
      yield wire.streamError(`upstream answered ${upstream.status} to a terse_retrieve continuation: ${detail}`);
      return;
    }
  }
}
