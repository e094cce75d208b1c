/** Assembles a Chat Completions stream (server-sent events) into the response it stands for. */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ModelResponseError } from '../../../../errors.ts';
import type { JsonObject, JsonValue } from '../../../../types.ts';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface CallDraft {
  id: string;
  name: string;
  arguments: string;
}

/** The chunks of one stream, folded into a non-streaming response. */
class StreamAssembly {
  #id = '';
  #model = '';
  #content = '';
  #finish: JsonValue = null;
  #usage: JsonValue = null;
  readonly #calls: CallDraft[] = [];
  #done = false;

  add(event: EventSourceMessage): void {
    if (event.data === '[DONE]') {
      this.#done = true;
      return;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(event.data);
    } catch (error) {
      throw new ModelResponseError('openai', `malformed stream chunk: ${(error as Error).message}`);
    }
    if (!isObject(chunk)) throw new ModelResponseError('openai', 'a stream chunk is not an object');
    if (typeof chunk.id === 'string') this.#id = chunk.id;
    if (typeof chunk.model === 'string') this.#model = chunk.model;
    if (isObject(chunk.usage)) this.#usage = chunk.usage;
    const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    if (!isObject(choice)) return;
    if (typeof choice.finish_reason === 'string') this.#finish = choice.finish_reason;
    const delta = isObject(choice.delta) ? choice.delta : {};
    if (typeof delta.content === 'string') this.#content += delta.content;
    for (const call of Array.isArray(delta.tool_calls) ? delta.tool_calls : []) {
      if (!isObject(call)) continue;
      const index = typeof call.index === 'number' ? call.index : this.#calls.length;
      const draft = (this.#calls[index] ??= { id: '', name: '', arguments: '' });
      if (typeof call.id === 'string') draft.id = call.id;
      const fn = isObject(call.function) ? call.function : {};
      if (typeof fn.name === 'string') draft.name += fn.name;
      if (typeof fn.arguments === 'string') draft.arguments += fn.arguments;
    }
  }

  response(): JsonObject {
    if (!this.#done) throw new ModelResponseError('openai', 'the stream ended before [DONE]');
    const message: JsonObject = {
      role: 'assistant',
      content: this.#content === '' && this.#calls.length > 0 ? null : this.#content,
    };
    if (this.#calls.length > 0) {
      message.tool_calls = this.#calls.map((call) => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: call.arguments },
      }));
    }
    return {
      id: this.#id,
      object: 'chat.completion',
      model: this.#model,
      choices: [{ index: 0, message, finish_reason: this.#finish }],
      usage: this.#usage,
    };
  }
}

/** Reads the whole event stream of `response` into one Chat Completions response. */
export async function assembleStream(response: Response): Promise<JsonObject> {
  if (response.body === null) throw new ModelResponseError('openai', 'a stream without a body');
  const assembly = new StreamAssembly();
  let failure: unknown = null;
  const parser = createParser({
    onEvent: (event) => {
      if (failure !== null) return;
      try {
        assembly.add(event);
      } catch (error) {
        failure = error;
      }
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of response.body) parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
  if (failure !== null) throw failure;
  return assembly.response();
}
