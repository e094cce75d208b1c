/**
 * What Anthropic Messages and OpenAI Chat request files share: a JSON object with `messages`.
 * Tells the two apart by content, never by file name.
 */
import { InvalidTraceError } from '../../errors.ts';
import type { JsonObject, JsonValue, Provider } from '../../types.ts';
import type { Trace } from '../trace.ts';
import { isJsonObject, looksLikeJsonDocument, readJsonDocument } from './json-document.ts';
import { importedHeader, TraceEventsBuilder, type ImportOptions } from './session-importer.ts';

// Escaped quotes inside JSON strings never match these: only real keys and values do.
const MESSAGES_KEY = /"messages"\s*:\s*\[/;
const OPENAI_SIGNAL = /"role"\s*:\s*"(?:system|developer|tool)"|"tool_calls"\s*:|"tool_call_id"\s*:/;
const ANTHROPIC_SIGNAL = /"type"\s*:\s*"(?:tool_use|tool_result|thinking|redacted_thinking)"/;

/** The provider whose request a file's head looks like, or null when it is no request. */
export function requestProviderOf(head: string): Provider | null {
  if (!looksLikeJsonDocument(head) || !MESSAGES_KEY.test(head)) return null;
  return OPENAI_SIGNAL.test(head) && !ANTHROPIC_SIGNAL.test(head) ? 'openai' : 'anthropic';
}

/** How one provider's request file is read. */
export interface RequestFormat {
  readonly name: string;
  readonly provider: Provider;
  readonly roles: readonly string[];
}

/** Reads a request file: every field but `messages` goes to the header, each message is an event, one call at the end. */
export async function loadRequestTrace(file: string, options: ImportOptions, format: RequestFormat): Promise<Trace> {
  const body = await readJsonDocument(file, options.numbers);
  if (!isJsonObject(body)) throw new InvalidTraceError(file, null, 'request must be a JSON object');
  const { messages, ...request } = body;
  if (!Array.isArray(messages)) throw new InvalidTraceError(file, null, 'request field messages must be an array');
  const builder = new TraceEventsBuilder();
  messages.forEach((message, index) => builder.message(checkedMessage(message, index, file, format)));
  builder.call();
  const header = importedHeader({ file, format: format.name, provider: format.provider, request, options });
  return { header, events: builder.events };
}

function checkedMessage(message: JsonValue, index: number, file: string, format: RequestFormat): JsonObject {
  const where = `messages[${index}]`;
  if (!isJsonObject(message)) throw new InvalidTraceError(file, null, `${where} must be an object`);
  const role = message.role;
  if (typeof role !== 'string' || !format.roles.includes(role)) {
    throw new InvalidTraceError(
      file,
      null,
      `${where}.role must be one of ${format.roles.join(', ')} for ${format.name}, not ${JSON.stringify(role ?? null)}`,
    );
  }
  return message;
}
