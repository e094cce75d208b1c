/**
 * SWE-agent `*.traj`: `{environment, trajectory: [{action, observation, response, thought}], history, info}`.
 * `history` is what the model saw (system prompt, demonstrations, issue, every turn), so it is
 * replayed when it holds a system and a user message; otherwise the trajectory steps are.
 * Text actions become `bash` tool calls and observations their tool results; histories that
 * already carry OpenAI `tool_calls` (function-calling configs) keep them.
 */
import { InvalidTraceError } from '../../errors.ts';
import type { JsonObject, JsonValue } from '../../types.ts';
import type { Trace } from '../trace.ts';
import { BASH_TOOL_DEFINITION, bashToolCall } from './bash-tool.ts';
import { isJsonObject, looksLikeJsonDocument, readJsonDocument } from './json-document.ts';
import { importedHeader, TraceEventsBuilder, type ImportOptions, type SessionImporter } from './session-importer.ts';

const SWE_AGENT_SIGNAL = /"trajectory"\s*:\s*\[/;
const STEP_SIGNAL = /"(?:action|observation|thought)"\s*:/;

/** Reads SWE-agent trajectories. */
export const sweAgentImporter: SessionImporter = {
  name: 'swe-agent',
  sniff: (head) => looksLikeJsonDocument(head) && SWE_AGENT_SIGNAL.test(head) && STEP_SIGNAL.test(head),
  load: loadSweAgent,
};

async function loadSweAgent(file: string, options: ImportOptions): Promise<Trace> {
  const document = await readJsonDocument(file, options.numbers);
  if (!isJsonObject(document) || !Array.isArray(document.trajectory)) {
    throw new InvalidTraceError(file, null, 'SWE-agent trajectory needs a trajectory array');
  }
  const history = Array.isArray(document.history) ? document.history.filter(isJsonObject) : [];
  const replay = hasSystemAndUser(history) ? replayHistory(history, file) : replayTrajectory(document.trajectory, file);
  const request: JsonObject = { ...modelOf(document), tools: toolDefinitions(replay.toolCalls) };
  const header = importedHeader({ file, format: 'swe-agent', provider: 'openai', request, options });
  return { header, events: replay.builder.events };
}

interface Replay {
  readonly builder: TraceEventsBuilder;
  /** Every tool call the replay holds, for the tool definitions of the request. */
  readonly toolCalls: JsonObject[];
}

function hasSystemAndUser(history: readonly JsonObject[]): boolean {
  return history.some((m) => m.role === 'system') && history.some((m) => m.role === 'user');
}

function replayHistory(history: readonly JsonObject[], file: string): Replay {
  const builder = new TraceEventsBuilder();
  const toolCalls: JsonObject[] = [];
  let pendingCallId: string | null = null;
  history.forEach((entry, index) => {
    const { role, content } = entry;
    if (typeof role !== 'string' || content === undefined) {
      throw new InvalidTraceError(file, null, `history[${index}] needs a role and content`);
    }
    if (role === 'assistant') {
      builder.call();
      const native = Array.isArray(entry.tool_calls) ? entry.tool_calls.filter(isJsonObject) : [];
      if (native.length > 0) {
        toolCalls.push(...native);
        pendingCallId = typeof native[0]?.id === 'string' ? native[0].id : null;
        builder.message({ role, content, tool_calls: native });
      } else if (typeof entry.action === 'string' && entry.action.trim() !== '') {
        pendingCallId = `call_${toolCalls.length + 1}`;
        const call = bashToolCall(pendingCallId, entry.action.trimEnd());
        toolCalls.push(call);
        builder.message({
          role,
          content: typeof entry.thought === 'string' ? entry.thought : content,
          tool_calls: [call],
        });
      } else {
        pendingCallId = null;
        builder.message({ role, content });
      }
      return;
    }
    if (role === 'tool' || (role === 'user' && pendingCallId !== null)) {
      builder.message({ role: 'tool', tool_call_id: toolCallIdOf(entry) ?? pendingCallId ?? 'call_unknown', content });
      pendingCallId = null;
      return;
    }
    builder.message({ role, content });
  });
  return { builder, toolCalls };
}

/** The id a tool message answers: `tool_call_id`, or the first of SWE-agent's `tool_call_ids`. */
function toolCallIdOf(entry: JsonObject): string | null {
  if (typeof entry.tool_call_id === 'string') return entry.tool_call_id;
  const ids = entry.tool_call_ids;
  return Array.isArray(ids) && typeof ids[0] === 'string' ? ids[0] : null;
}

function replayTrajectory(trajectory: readonly JsonValue[], file: string): Replay {
  const builder = new TraceEventsBuilder();
  const toolCalls: JsonObject[] = [];
  trajectory.forEach((step, index) => {
    if (!isJsonObject(step) || typeof step.action !== 'string' || typeof step.observation !== 'string') {
      throw new InvalidTraceError(file, null, `trajectory[${index}] needs string action and observation`);
    }
    const id = `call_${index + 1}`;
    const call = bashToolCall(id, step.action.trimEnd());
    toolCalls.push(call);
    builder.call();
    builder.message({
      role: 'assistant',
      content: typeof step.thought === 'string' ? step.thought : '',
      tool_calls: [call],
    });
    builder.message({ role: 'tool', tool_call_id: id, content: step.observation });
  });
  return { builder, toolCalls };
}

/** The model of the run when the file records it (`replay_config.agent.model.name`). */
function modelOf(document: JsonObject): JsonObject {
  let config: JsonValue | undefined = document.replay_config;
  if (typeof config === 'string') {
    try {
      config = JSON.parse(config) as JsonValue;
    } catch {
      return {};
    }
  }
  const agent = isJsonObject(config) ? config.agent : undefined;
  const model = isJsonObject(agent) ? agent.model : undefined;
  const name = isJsonObject(model) ? model.name : undefined;
  return typeof name === 'string' ? { model: name } : {};
}

/**
 * One definition per tool name the calls use. SWE-agent does not store its tool schemas in the
 * trajectory, so each is rebuilt from the argument names its calls pass.
 */
function toolDefinitions(calls: readonly JsonObject[]): JsonObject[] {
  const argumentsByName = new Map<string, Set<string>>();
  for (const call of calls) {
    const fn = call.function;
    if (!isJsonObject(fn) || typeof fn.name !== 'string') continue;
    const names = argumentsByName.get(fn.name) ?? new Set<string>();
    argumentsByName.set(fn.name, names);
    for (const key of argumentKeys(fn.arguments)) names.add(key);
  }
  return Array.from(argumentsByName, ([name, keys]) => {
    if (name === 'bash' && keys.size <= 1) return BASH_TOOL_DEFINITION;
    const properties: JsonObject = {};
    for (const key of keys) properties[key] = { type: 'string' };
    return { type: 'function', function: { name, parameters: { type: 'object', properties } } };
  });
}

function argumentKeys(value: JsonValue | undefined): string[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed = JSON.parse(value) as JsonValue;
    return isJsonObject(parsed) ? Object.keys(parsed) : [];
  } catch {
    return [];
  }
}
