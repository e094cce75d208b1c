/**
 * The bash outputs of an imported mini-swe-agent trajectory: each tool message with the command
 * that produced it, split into its returncode and the lines the command printed.
 */
import type { JsonObject, JsonValue } from '../../../types.ts';
import type { Trace } from '../../trace.ts';

/** One command the agent ran and what it printed. */
export interface ToolOutput {
  /** Index of the tool message in the trace's messages. */
  readonly turn: number;
  readonly command: string;
  readonly returncode: number;
  /** Lines between `<output>` and `</output>`; empty for a cut output. */
  readonly lines: readonly string[];
  /** Lines of the whole tool message, wrapper tags included, as the model reads it. */
  readonly messageLines: number;
  /** The agent cut this output (`<elided_chars>`): nothing in it may be asked about. */
  readonly elided: boolean;
}

const WRAPPED = /^<returncode>(-?\d+)<\/returncode>\n<output>\n([\s\S]*)<\/output>\s*$/;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The bash command of an assistant message's single tool call, or null. */
function commandOf(message: JsonObject | undefined): string | null {
  const calls = message?.tool_calls;
  const call = Array.isArray(calls) && calls.length === 1 ? calls[0] : undefined;
  const fn = isObject(call) ? call.function : undefined;
  if (!isObject(fn) || typeof fn.arguments !== 'string') return null;
  try {
    const args = JSON.parse(fn.arguments) as { command?: unknown };
    return typeof args.command === 'string' ? args.command : null;
  } catch {
    return null;
  }
}

/** Every tool output of the trace, in order; outputs that are not `<returncode>..<output>..` are left out. */
export function toolOutputs(trace: Trace): ToolOutput[] {
  const messages = trace.events.flatMap((e) => (e.type === 'message' ? [e.message] : []));
  const outputs: ToolOutput[] = [];
  messages.forEach((message, turn) => {
    if (message.role !== 'tool' || typeof message.content !== 'string') return;
    const command = commandOf(messages[turn - 1]);
    const content = message.content;
    const elided = content.includes('<elided_chars>');
    const wrapped = WRAPPED.exec(content);
    if (command === null || (wrapped === null && !elided)) return;
    const body = wrapped?.[2] ?? '';
    const lines = elided || body === '' ? [] : body.replace(/\n$/, '').split('\n');
    const returncode = Number(/^<returncode>(-?\d+)/.exec(content)?.[1] ?? NaN);
    outputs.push({ turn, command, returncode, lines, messageLines: content.split('\n').length, elided });
  });
  return outputs;
}

/** A command shortened to one line for a question (the model sees it in full in the trace). */
export function commandLabel(command: string): string {
  const first = command.trim().split('\n')[0] ?? '';
  return first.length > 120 ? `${first.slice(0, 117)}...` : first;
}
