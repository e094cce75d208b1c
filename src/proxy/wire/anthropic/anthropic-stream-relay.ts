/**
 * Relays Anthropic Messages stream events round after round as one message: the first round's
 * `message_start` opens it, later rounds' content blocks are renumbered after the blocks the client
 * already has, and only the last round's `message_delta`/`message_stop` close it (output tokens summed).
 */
import type { JsonObject, JsonValue } from '../../../types.ts';
import { sseBytes, type SseEvent } from '../../sse-events.ts';
import type { StreamRelay, ToolCall } from '../wire.ts';
import { isObject, parseArguments, parseEventData, stringOf } from '../wire-values.ts';

interface HeldEvent {
  readonly event: SseEvent;
  readonly data: JsonObject | null;
}

/** A content block as it builds up from its start event and deltas. */
interface BuildingBlock {
  block: JsonObject;
  partialJson: string;
}

/** The Anthropic stream relay (see the file's comment). */
export class AnthropicStreamRelay implements StreamRelay {
  #round = -1;
  /** Blocks the client has from earlier rounds: this round's index 0 is the client's `#offset`. */
  #offset = 0;
  #outputTokensBefore = 0;
  #holding = false;
  #held: HeldEvent[] = [];
  #blocks = new Map<number, BuildingBlock>();
  #hiddenIndexes = new Set<number>();
  #outputTokens = 0;

  constructor(private readonly hidden: string) {}

  beginRound(): void {
    this.#round++;
    this.#holding = false;
    this.#held = [];
    this.#blocks = new Map();
    this.#hiddenIndexes = new Set();
    this.#outputTokens = 0;
  }

  push(event: SseEvent): readonly Uint8Array[] {
    const data = parseEventData(event.data);
    const type = data === null ? event.event : stringOf(data.type, event.event ?? '');
    if (data !== null) this.#accumulate(type, data);
    if (type === 'ping' || type === 'error') return [event.raw];
    if (type === 'message_start' && this.#round > 0) return [];
    if (this.#holding) {
      this.#held.push({ event, data });
      return [];
    }
    return [this.#forOutput(type, event, data, 0)];
  }

  calls(): readonly ToolCall[] {
    return [...this.#blocks.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, { block }]) => block)
      .filter((block) => block.type === 'tool_use')
      .map((block) => ({ id: stringOf(block.id), name: stringOf(block.name), args: block.input ?? {} }));
  }

  assistantMessage(): JsonObject {
    const content = [...this.#blocks.entries()].sort(([a], [b]) => a - b).map(([, { block }]) => block);
    return { role: 'assistant', content };
  }

  release(continuing: boolean): readonly Uint8Array[] {
    const out: Uint8Array[] = [];
    const stillCalls = this.calls().some((call) => call.name !== this.hidden);
    for (const { event, data } of this.#held) {
      const type = data === null ? event.event : stringOf(data.type, event.event ?? '');
      const index = data !== null && typeof data.index === 'number' ? data.index : null;
      if (index !== null && this.#hiddenIndexes.has(index)) continue;
      if (continuing && (type === 'message_delta' || type === 'message_stop')) continue;
      if (
        type === 'message_delta' &&
        data !== null &&
        !stillCalls &&
        isObject(data.delta) &&
        data.delta.stop_reason === 'tool_use'
      ) {
        out.push(this.#forOutput(type, event, { ...data, delta: { ...data.delta, stop_reason: 'end_turn' } }, 0, true));
        continue;
      }
      out.push(this.#forOutput(type, event, data, index === null ? 0 : this.#hiddenBefore(index)));
    }
    if (continuing) {
      this.#offset += this.#blocks.size - this.#hiddenIndexes.size;
      this.#outputTokensBefore += this.#outputTokens;
    }
    this.#held = [];
    return out;
  }

  /** The event as the client gets it: raw when nothing about it changes, else rewritten. */
  #forOutput(
    type: string | null,
    event: SseEvent,
    data: JsonObject | null,
    dropped: number,
    changed = false,
  ): Uint8Array {
    if (data === null || type === null) return event.raw;
    const shift = this.#offset - dropped;
    let out = data;
    if (typeof data.index === 'number' && shift !== 0) out = { ...out, index: data.index + shift };
    if (
      type === 'message_delta' &&
      this.#outputTokensBefore > 0 &&
      isObject(out.usage) &&
      typeof out.usage.output_tokens === 'number'
    ) {
      out = { ...out, usage: { ...out.usage, output_tokens: out.usage.output_tokens + this.#outputTokensBefore } };
    }
    return out === data && !changed ? event.raw : sseBytes(JSON.stringify(out), type);
  }

  #hiddenBefore(index: number): number {
    let n = 0;
    for (const hidden of this.#hiddenIndexes) if (hidden < index) n++;
    return n;
  }

  #accumulate(type: string | null, data: JsonObject): void {
    const index = typeof data.index === 'number' ? data.index : -1;
    if (type === 'content_block_start' && isObject(data.content_block)) {
      const block = { ...data.content_block };
      this.#blocks.set(index, { block, partialJson: '' });
      if (block.type === 'tool_use' && block.name === this.hidden) {
        this.#hiddenIndexes.add(index);
        this.#holding = true;
      }
    } else if (type === 'content_block_delta' && isObject(data.delta)) {
      const building = this.#blocks.get(index);
      if (building !== undefined) applyDelta(building, data.delta);
    } else if (type === 'content_block_stop') {
      const building = this.#blocks.get(index);
      if (building !== undefined && building.partialJson !== '')
        building.block.input = parseArguments(building.partialJson) as JsonValue;
    } else if (type === 'message_delta' && isObject(data.usage) && typeof data.usage.output_tokens === 'number') {
      this.#outputTokens = data.usage.output_tokens;
    }
  }
}

function applyDelta(building: BuildingBlock, delta: JsonObject): void {
  const { block } = building;
  switch (delta.type) {
    case 'text_delta':
      block.text = stringOf(block.text) + stringOf(delta.text);
      break;
    case 'thinking_delta':
      block.thinking = stringOf(block.thinking) + stringOf(delta.thinking);
      break;
    case 'signature_delta':
      block.signature = stringOf(delta.signature);
      break;
    case 'input_json_delta':
      building.partialJson += stringOf(delta.partial_json);
      break;
    case 'citations_delta':
      block.citations = [
        ...(Array.isArray(block.citations) ? block.citations : []),
        ...(delta.citation === undefined ? [] : [delta.citation]),
      ];
      break;
    default:
      break;
  }
}
