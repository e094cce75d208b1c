/**
 * mini-swe-agent `*.traj.json`: `{info, messages: [{role, content}], trajectory_format, instance_id}`.
 * Each assistant turn is THOUGHT text plus one ```bash block; the next user turn is its output.
 * Replayed as OpenAI tool calls so the outputs are tool results, as a tool-calling agent sends them.
 */
import { InvalidTraceError } from '../../errors.ts';
import type { JsonObject } from '../../types.ts';
import type { Trace } from '../trace.ts';
import { BASH_TOOL_DEFINITION, bashToolCall } from './bash-tool.ts';
import { isJsonObject, looksLikeJsonDocument, readJsonDocument } from './json-document.ts';
import { importedHeader, TraceEventsBuilder, type ImportOptions, type SessionImporter } from './session-importer.ts';

// mini-swe-agent's own action_regex (v1.x): an action runs only when exactly one block matches.
const ACTION_BLOCK = /```bash\s*\n([\s\S]*?)\n```/g;
const MINI_SIGNAL =
  /"mini_version"\s*:|"trajectory_format"\s*:\s*"mini-swe-agent|^\s*\{\s*"info"\s*:[\s\S]*"messages"\s*:\s*\[/;

/** Reads mini-swe-agent trajectories. */
export const miniSweAgentImporter: SessionImporter = {
  name: 'mini-swe-agent',
  sniff: (head) => looksLikeJsonDocument(head) && MINI_SIGNAL.test(head),
  load: loadMiniSweAgent,
};

async function loadMiniSweAgent(file: string, options: ImportOptions): Promise<Trace> {
  const document = await readJsonDocument(file, options.numbers);
  if (!isJsonObject(document) || !Array.isArray(document.messages)) {
    throw new InvalidTraceError(file, null, 'mini-swe-agent trajectory needs a messages array');
  }
  const builder = new TraceEventsBuilder();
  let calls = 0;
  let pendingCallId: string | null = null;
  document.messages.forEach((entry, index) => {
    const role = isJsonObject(entry) ? entry.role : undefined;
    const content = isJsonObject(entry) ? entry.content : undefined;
    if (typeof role !== 'string' || typeof content !== 'string') {
      throw new InvalidTraceError(file, null, `messages[${index}] needs a string role and string content`);
    }
    if (role === 'assistant') {
      builder.call();
      const actions = Array.from(content.matchAll(ACTION_BLOCK));
      const action = actions.length === 1 ? actions[0] : undefined;
      if (action === undefined) {
        builder.message({ role, content });
        pendingCallId = null;
        return;
      }
      calls++;
      pendingCallId = `call_${calls}`;
      const thought = (content.slice(0, action.index) + content.slice(action.index + action[0].length)).trimEnd();
      builder.message({ role, content: thought, tool_calls: [bashToolCall(pendingCallId, (action[1] ?? '').trim())] });
      return;
    }
    if (role === 'user' && pendingCallId !== null) {
      // The turn after an executed action is that action's output (returncode, timeout notice or submission).
      builder.message({ role: 'tool', tool_call_id: pendingCallId, content });
      pendingCallId = null;
      return;
    }
    builder.message({ role, content });
  });
  const header = importedHeader({
    file,
    format: 'mini-swe-agent',
    provider: 'openai',
    request: requestOf(document),
    options,
  });
  return { header, events: builder.events };
}

/** The model named in the run's config, and the bash tool the actions became. */
function requestOf(document: JsonObject): JsonObject {
  const info = document.info;
  const config = isJsonObject(info) ? info.config : undefined;
  const model = isJsonObject(config) ? config.model : undefined;
  const modelName = isJsonObject(model) ? model.model_name : undefined;
  return typeof modelName === 'string'
    ? { model: modelName, tools: [BASH_TOOL_DEFINITION] }
    : { tools: [BASH_TOOL_DEFINITION] };
}
