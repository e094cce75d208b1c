/**
 * Relays OpenAI Chat Completions chunks round after round as one completion: later rounds' chunks
 * follow the first round's content, only the last round's finish reason, usage and `[DONE]` close it
 * (usage summed over the rounds).
 */
import type { JsonObject } from '../../../types.ts';
import { sseBytes, type SseEvent } from '../../sse-events.ts';
import type { StreamRelay, ToolCall } from '../wire.ts';
import { isObject, objectsOf, parseArguments, parseEventData, stringOf, sumUsage } from '../wire-values.ts';

interface BuildingCall {
  id: string;
  name: string;
  arguments: string;
}

interface HeldChunk {
  readonly event: SseEvent;
  readonly chunk: JsonObject | null;
}

/** The OpenAI stream relay (see the file's comment). */
export class OpenAiStreamRelay implements StreamRelay {
  #round = -1;
  #holding = false;
  #held: HeldChunk[] = [];
  #content = '';
  #calls = new Map<number, BuildingCall>();
  #hiddenIndexes = new Set<number>();
  #usage: JsonObject | undefined;
  /** Usage of the rounds the client does not see end, added to the last round's. */
  #usageBefore: JsonObject[] = [];

  constructor(private readonly hidden: string) {}

  beginRound(): void {
    this.#round++;
    this.#holding = false;
    this.#held = [];
    this.#content = '';
    this.#calls = new Map();
    this.#hiddenIndexes = new Set();
    this.#usage = undefined;
  }

  push(event: SseEvent): readonly Uint8Array[] {
    const chunk = parseEventData(event.data);
    if (chunk !== null) this.#accumulate(chunk);
    if (this.#holding) {
      this.#held.push({ event, chunk });
      return [];
    }
    if (chunk !== null && isObject(chunk.usage) && this.#usageBefore.length > 0) {
      return [
        sseBytes(JSON.stringify({ ...chunk, usage: sumUsage([...this.#usageBefore, chunk.usage]) ?? chunk.usage })),
      ];
    }
    return [event.raw];
  }

  calls(): readonly ToolCall[] {
    return [...this.#calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call]) => ({ id: call.id, name: call.name, args: parseArguments(call.arguments) }));
  }

  assistantMessage(): JsonObject {
    const calls = [...this.#calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
    const message: JsonObject = { role: 'assistant', content: this.#content === '' ? null : this.#content };
    if (calls.length > 0) {
      message.tool_calls = calls.map((call) => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: call.arguments },
      }));
    }
    return message;
  }

  release(continuing: boolean): readonly Uint8Array[] {
    const out: Uint8Array[] = [];
    const stillCalls = this.calls().some((call) => call.name !== this.hidden);
    for (const { event, chunk } of this.#held) {
      if (chunk === null) {
        if (!(continuing && event.data.trim() === '[DONE]')) out.push(event.raw);
        continue;
      }
      const rewritten = this.#rewrite(chunk, continuing, stillCalls);
      if (rewritten === chunk) out.push(event.raw);
      else if (rewritten !== null) out.push(sseBytes(JSON.stringify(rewritten)));
    }
    if (continuing && this.#usage !== undefined) this.#usageBefore.push(this.#usage);
    this.#held = [];
    return out;
  }

  /** A held chunk without hidden calls (and, when continuing, without its round's end); null when nothing is left. */
  #rewrite(chunk: JsonObject, continuing: boolean, stillCalls: boolean): JsonObject | null {
    let changed = false;
    const choices = objectsOf(chunk.choices).map((choice) => {
      if (choice.index !== 0 && choice.index !== undefined) return choice;
      const delta = isObject(choice.delta) ? { ...choice.delta } : {};
      if (Array.isArray(delta.tool_calls)) {
        const kept = objectsOf(delta.tool_calls)
          .filter((call) => !this.#hiddenIndexes.has(typeof call.index === 'number' ? call.index : -1))
          .map((call) => ({
            ...call,
            index: (typeof call.index === 'number' ? call.index : 0) - this.#hiddenBefore(call.index),
          }));
        changed ||=
          kept.length !== delta.tool_calls.length ||
          kept.some((call, i) => call.index !== objectsOf(delta.tool_calls)[i]?.index);
        if (kept.length > 0) delta.tool_calls = kept;
        else delete delta.tool_calls;
      }
      let finish = choice.finish_reason ?? null;
      if (finish === 'tool_calls' && (continuing || !stillCalls)) {
        finish = continuing ? null : 'stop';
        changed = true;
      }
      return { ...choice, delta, finish_reason: finish };
    });
    const usage = continuing ? undefined : chunk.usage;
    if (continuing && chunk.usage !== undefined && chunk.usage !== null) changed = true;
    if (!changed) return chunk;
    const empty = choices.every(
      (choice) => choice.finish_reason === null && isObject(choice.delta) && Object.keys(choice.delta).length === 0,
    );
    if (empty && (usage === undefined || usage === null)) return null;
    const { usage: _usage, ...rest } = chunk;
    return { ...rest, choices, ...(usage === undefined ? {} : { usage }) };
  }

  #hiddenBefore(index: unknown): number {
    let n = 0;
    for (const hidden of this.#hiddenIndexes) if (typeof index === 'number' && hidden < index) n++;
    return n;
  }

  #accumulate(chunk: JsonObject): void {
    if (isObject(chunk.usage)) this.#usage = chunk.usage;
    const choice = objectsOf(chunk.choices).find((c) => c.index === 0 || c.index === undefined);
    if (choice === undefined || !isObject(choice.delta)) return;
    const { delta } = choice;
    if (typeof delta.content === 'string') this.#content += delta.content;
    for (const call of objectsOf(delta.tool_calls)) {
      const index = typeof call.index === 'number' ? call.index : 0;
      const fn = isObject(call.function) ? call.function : {};
      const building = this.#calls.get(index) ?? { id: '', name: '', arguments: '' };
      if (typeof call.id === 'string') building.id = call.id;
      if (typeof fn.name === 'string') building.name += fn.name;
      building.arguments += stringOf(fn.arguments);
      this.#calls.set(index, building);
      if (building.name === this.hidden && !this.#hiddenIndexes.has(index)) {
        this.#hiddenIndexes.add(index);
        this.#holding = true;
      }
    }
  }
}
