/**
 * Turns a session's steps and outputs into Trace v1 JSONL in Anthropic Messages shape: the user's
 * task, then per step a model call, an assistant message (text + `bash` tool_use) and the user's
 * tool_result with the real output; one last call sees every output.
 */
import { createHash } from 'node:crypto';
import { TRACE_VERSION, type TraceHeader } from '../../src/bench/trace.ts';
import type { JsonObject } from '../../src/types.ts';
import type { Session, StepOutput } from './session.ts';

/** The system prompt of every `local` session: a terse coding agent with one bash tool. */
export const SYSTEM_PROMPT = [
  'You are a coding agent working in a checked-out repository at /repo.',
  'You have one tool, `bash`, which runs a command and returns its combined stdout and stderr.',
  'The shell starts in /repo and keeps its working directory between calls.',
  'Work step by step: say briefly what you will check, run one command, read the output.',
  'Quote paths, line numbers and error messages exactly as the tools print them.',
].join('\n');

const BASH_TOOL: JsonObject = {
  name: 'bash',
  description: 'Run a bash command in the repository and return its output (stdout and stderr interleaved).',
  input_schema: {
    type: 'object',
    properties: { command: { type: 'string', description: 'The command line to run.' } },
    required: ['command'],
  },
};

/** Shown when a command printed nothing, as agent harnesses do. */
export const NO_OUTPUT = '(no output)';

/** A stable tool_use id derived from the session and step, so re-recording gives the same bytes. */
function toolUseId(sessionId: string, step: number): string {
  return `toolu_${createHash('sha256').update(`${sessionId}#${step}`).digest('hex').slice(0, 24)}`;
}

/** The header line of a `local` trace. */
export function traceHeader(session: Session): TraceHeader {
  return {
    version: TRACE_VERSION,
    type: 'trace',
    id: session.id,
    workload: session.workload,
    provider: 'anthropic',
    request: { model: 'claude-sonnet-4-5', max_tokens: 4096, system: SYSTEM_PROMPT, tools: [BASH_TOOL] },
    source: { format: 'trace-v1', file: `traces/local/${session.id}.jsonl` },
  };
}

/** Every line of the trace file, in order, as JSON values. */
export function traceLines(session: Session, outputs: readonly StepOutput[]): JsonObject[] {
  const header = traceHeader(session);
  // TraceSource is an interface, not a JSON index type: copy it into a plain object.
  const lines: JsonObject[] = [{ ...header, source: { ...header.source } }];
  const message = (value: JsonObject): void => void lines.push({ type: 'message', message: value });
  message({ role: 'user', content: session.task });
  session.steps.forEach((step, index) => {
    const output = outputs[index];
    if (output === undefined) return;
    const id = toolUseId(session.id, index);
    lines.push({ type: 'call' });
    message({
      role: 'assistant',
      content: [
        { type: 'text', text: step.say },
        { type: 'tool_use', id, name: 'bash', input: { command: output.command } },
      ],
    });
    const result: JsonObject = {
      type: 'tool_result',
      tool_use_id: id,
      content: output.text === '' ? NO_OUTPUT : output.text,
    };
    if (output.exitCode !== 0) result.is_error = true;
    message({ role: 'user', content: [result] });
  });
  lines.push({ type: 'call' });
  return lines;
}

/** The message index that holds the output of step `index` (task is 0, assistant 1, result 2...). */
export function outputTurn(index: number): number {
  return 2 * index + 2;
}

/** The trace file's bytes: one compact JSON value per line. */
export function serialiseLines(lines: readonly JsonObject[]): string {
  return lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
}
