/**
 * The tool outputs of any imported session, each with the command (or tool input) that produced it:
 * Anthropic `tool_result` blocks and OpenAI `tool` messages, matched to their call by id (or, for a
 * message without one, to the single call of the message before). An output in mini-swe-agent's
 * `<returncode>..<output>..` wrapper is split into its return code and the lines the command printed.
 */
import type { JsonObject, JsonValue } from '../../types.ts';
import type { Trace } from '../trace.ts';

/** One command the agent ran and what it printed. */
export interface ToolOutput {
  /** Index of the message holding the output in the trace's messages. */
  readonly turn: number;
  /** Index of the `tool_result` block in an Anthropic message's content; null for an OpenAI tool message. */
  readonly block: number | null;
  /** The command a shell tool ran, or the tool's name and input as JSON. */
  readonly command: string;
  /** The exit code the output states, or null when it states none. */
  readonly returncode: number | null;
  /** Lines the command printed (inside `<output>` when wrapped); empty for a cut output. */
  readonly lines: readonly string[];
  /** Lines of the whole tool output, wrapper tags included, as the model reads it. */
  readonly messageLines: number;
  /** The agent cut this output (`<elided_chars>`): nothing in it may be asked about. */
  readonly elided: boolean;
}

const WRAPPED = /^<returncode>(-?\d+)<\/returncode>\n<output>\n([\s\S]*)<\/output>\s*$/;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a call ran: a shell command as written, else the tool's name and its input. */
function commandOf(name: string, input: JsonValue | undefined): string {
  if (isObject(input)) {
    for (const key of ['command', 'cmd']) {
      const value = input[key];
      if (typeof value === 'string') return value;
    }
  }
  return `${name} ${JSON.stringify(input ?? {})}`;
}

/** The OpenAI arguments string parsed, or the raw string when it is not JSON. */
function parsedArguments(text: JsonValue | undefined): JsonValue {
  if (typeof text !== 'string') return text ?? null;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** Calls a message makes, by id: Anthropic `tool_use` blocks and OpenAI `tool_calls`. */
function callsOf(message: JsonObject): { id: string | null; command: string }[] {
  const calls: { id: string | null; command: string }[] = [];
  if (Array.isArray(message.content)) {
    for (const block of message.content) {
      if (isObject(block) && block.type === 'tool_use')
        calls.push({
          id: typeof block.id === 'string' ? block.id : null,
          command: commandOf(String(block.name ?? 'tool'), block.input),
        });
    }
  }
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls) {
      if (!isObject(call) || !isObject(call.function)) continue;
      calls.push({
        id: typeof call.id === 'string' ? call.id : null,
        command: commandOf(String(call.function.name ?? 'tool'), parsedArguments(call.function.arguments)),
      });
    }
  }
  return calls;
}

/** The text of a tool output: a string, or the text blocks of a block list. */
function textOf(content: JsonValue | undefined): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const texts = content.flatMap((block) => (isObject(block) && typeof block.text === 'string' ? [block.text] : []));
  return texts.length === 0 ? null : texts.join('\n');
}

/** Outputs a message carries, with the id of the call each answers (null when it names none). */
function outputsOf(message: JsonObject): { id: string | null; text: string; block: number | null }[] {
  if (message.role === 'tool') {
    const text = textOf(message.content);
    return text === null
      ? []
      : [{ id: typeof message.tool_call_id === 'string' ? message.tool_call_id : null, text, block: null }];
  }
  if (message.role !== 'user' || !Array.isArray(message.content)) return [];
  return message.content.flatMap((block, index) => {
    if (!isObject(block) || block.type !== 'tool_result') return [];
    const text = textOf(block.content);
    return text === null
      ? []
      : [{ id: typeof block.tool_use_id === 'string' ? block.tool_use_id : null, text, block: index }];
  });
}

/** Every tool output of the trace whose call is known, in order. */
export function toolOutputs(trace: Trace): ToolOutput[] {
  const messages = trace.events.flatMap((e) => (e.type === 'message' ? [e.message] : []));
  const byId = new Map<string, string>();
  const outputs: ToolOutput[] = [];
  messages.forEach((message, turn) => {
    for (const call of callsOf(message)) if (call.id !== null) byId.set(call.id, call.command);
    for (const { id, text, block } of outputsOf(message)) {
      const previous = messages[turn - 1];
      const single = previous === undefined ? [] : callsOf(previous);
      const command =
        (id !== null ? byId.get(id) : undefined) ?? (single.length === 1 ? single[0]?.command : undefined);
      if (command === undefined) continue;
      const elided = text.includes('<elided_chars>');
      const wrapped = WRAPPED.exec(text);
      const body = wrapped === null ? text : (wrapped[2] ?? '');
      const lines = elided || body === '' ? [] : body.replace(/\n$/, '').split('\n');
      const returncode = wrapped === null ? null : Number(wrapped[1]);
      outputs.push({ turn, block, command, returncode, lines, messageLines: text.split('\n').length, elided });
    }
  });
  return outputs;
}

/** A command shortened to one line for a question (the model sees it in full in the trace). */
export function commandLabel(command: string): string {
  const first = command.trim().split('\n')[0] ?? '';
  return first.length > 120 ? `${first.slice(0, 117)}...` : first;
}

const SHELL_PREFIX = /^(?:\s*(?:cd\s+\S+|export\s+\S+|source\s+\S+|set\s+-\S+)\s*(?:&&|;)\s*)+/;

/**
 * What kind of command produced an output, for the report's "where tokens remain" table: a shell
 * command's program (`grep`, `cat`, `pytest`, `git`), past leading `cd x &&` and variable
 * assignments; `python -m pytest` is `pytest`; a tool that is not a shell, its name.
 */
export function commandHead(command: string): string {
  const stripped = command.replace(SHELL_PREFIX, '').trim();
  const words = stripped.split(/\s+/).filter((word) => !/^[A-Z_][A-Z0-9_]*=/.test(word));
  const first = (words[0] ?? '').replace(/^.*\//, '');
  if (/^python[\d.]*$/.test(first) && words[1] === '-m' && words[2] !== undefined) return words[2];
  if (first === '' || first.startsWith('{')) return 'other';
  return first.length > 24 ? first.slice(0, 24) : first;
}
