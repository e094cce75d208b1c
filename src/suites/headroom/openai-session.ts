/**
 * Assembles an OpenAI Chat session the way the Headroom benchmark shaped its requests:
 * system + user + N x (assistant tool_call, tool result) + final user turn.
 */
import type { JsonObject } from '../../types.ts';
import type { Trace, Workload } from '../../bench/trace.ts';
import type { SeededRandom } from './seeded-random.ts';
import { sessionEvents, type CallPlan } from './session-calls.ts';

/** One tool call of the session and the text its tool returned. */
export interface ToolStep {
  readonly name: string;
  readonly arguments: JsonObject;
  readonly result: string;
}

/** Everything a generated OpenAI session is made of. */
export interface OpenAiSessionSpec {
  readonly id: string;
  readonly workload: Workload;
  /** Generator name and seed, recorded in `source.file` as `generator:<name>:seed<N>`. */
  readonly generator: string;
  readonly seed: number;
  readonly system: string;
  readonly user: string;
  readonly steps: readonly ToolStep[];
  readonly finalUser: string;
  readonly calls: CallPlan;
}

/** Model and output cap of the reference requests. */
const OPENAI_REQUEST: JsonObject = { model: 'gpt-4o-mini', max_tokens: 1000 };

/** Index in `messages` of the tool result of step `step` (0-based). */
export function toolResultTurn(step: number): number {
  return 3 + step * 2;
}

/** The session as a Trace v1; tool call ids are drawn from `rng`. */
export function buildOpenAiSession(rng: SeededRandom, spec: OpenAiSessionSpec): Trace {
  const messages: JsonObject[] = [
    { role: 'system', content: spec.system },
    { role: 'user', content: spec.user },
  ];
  for (const step of spec.steps) {
    const callId = `call_${rng.hex(24)}`;
    messages.push({
      role: 'assistant',
      tool_calls: [
        { id: callId, type: 'function', function: { name: step.name, arguments: JSON.stringify(step.arguments) } },
      ],
    });
    messages.push({ role: 'tool', tool_call_id: callId, content: step.result });
  }
  messages.push({ role: 'user', content: spec.finalUser });
  return {
    header: {
      version: 1,
      type: 'trace',
      id: spec.id,
      workload: spec.workload,
      provider: 'openai',
      request: { ...OPENAI_REQUEST },
      source: { format: 'headroom-generator', file: `generator:${spec.generator}:seed${spec.seed}` },
    },
    events: sessionEvents(messages, spec.calls),
  };
}
