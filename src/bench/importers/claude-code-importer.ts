/**
 * Claude Code session JSONL (`~/.claude/projects/<project>/<session>.jsonl`): one record per line,
 * `{type: "user"|"assistant"|"summary"|"system"|"progress"..., message: {role, content}, uuid, ...}`.
 * Streamed line by line. Claude Code writes one line per content block, so lines of one assistant
 * message (same `message.id`) are merged back; consecutive user lines (parallel tool results) are
 * merged too, as Claude Code does before it sends them. A call precedes each assistant message.
 */
import { InvalidTraceError } from '../../errors.ts';
import type { JsonObject, JsonValue } from '../../types.ts';
import type { Trace } from '../trace.ts';
import { fileLines } from './file-lines.ts';
import { isJsonObject, parseJsonDocument } from './json-document.ts';
import { importedHeader, TraceEventsBuilder, type ImportOptions, type SessionImporter } from './session-importer.ts';

const SNIFF_LINES = 20;
// A first line longer than the head is cut; Claude Code writes these keys near a record's start.
const RECORD_START = /^\s*\{\s*"(?:parentUuid|type|leafUuid)"\s*:/;
const SESSION_KEY = /"(?:sessionId|leafUuid)"\s*:\s*"/;

/** Reads Claude Code session files. */
export const claudeCodeImporter: SessionImporter = {
  name: 'claude-code-session',
  sniff(head) {
    const lines = head.split('\n');
    // The last piece may be cut at the head's end; it counts only when it is the whole file.
    const complete = lines.length > 1 ? lines.slice(0, -1) : lines;
    if (complete.slice(0, SNIFF_LINES).some((line) => isSessionRecord(parseOrNull(line)))) return true;
    const first = lines[0] ?? '';
    return lines.length === 1 && RECORD_START.test(first) && SESSION_KEY.test(first.slice(0, 4096));
  },
  load: loadClaudeCodeSession,
};

function parseOrNull(line: string): JsonValue | null {
  try {
    return JSON.parse(line) as JsonValue;
  } catch {
    return null;
  }
}

function isSessionRecord(value: JsonValue | null): boolean {
  if (!isJsonObject(value) || typeof value.type !== 'string' || value.type === 'trace') return false;
  return typeof value.sessionId === 'string' || typeof value.leafUuid === 'string';
}

/** A message being assembled; its content grows while later lines of the same turn arrive. */
interface OpenMessage {
  readonly message: { role: string; content: JsonValue };
  readonly id: string | null;
}

/** Appends blocks to a message, turning string content into a text block first. */
function appendContent(message: { content: JsonValue }, more: JsonValue): void {
  const blocks = (value: JsonValue): JsonValue[] =>
    typeof value === 'string' ? [{ type: 'text', text: value }] : Array.isArray(value) ? value : [];
  message.content = [...blocks(message.content), ...blocks(more)];
}

async function loadClaudeCodeSession(file: string, options: ImportOptions): Promise<Trace> {
  const builder = new TraceEventsBuilder();
  let last: OpenMessage | null = null;
  let model: string | null = null;
  for await (const line of fileLines(file)) {
    if (line.text.trim() === '') continue;
    const record = parseJsonDocument(line.text, file, options.numbers, line.number);
    const turn = turnOf(record, file, line.number);
    if (turn === null) continue;
    if (turn.role === 'assistant') {
      model ??= turn.model;
      if (last?.message.role === 'assistant' && turn.id !== null && last.id === turn.id) {
        appendContent(last.message, turn.content);
        continue;
      }
      builder.call();
    } else if (last?.message.role === 'user') {
      appendContent(last.message, turn.content);
      continue;
    }
    last = { message: { role: turn.role, content: turn.content }, id: turn.id };
    builder.message(last.message);
  }
  const request: JsonObject = model === null ? {} : { model };
  const header = importedHeader({ file, format: 'claude-code-session', provider: 'anthropic', request, options });
  return { header, events: builder.events };
}

interface Turn {
  readonly role: 'user' | 'assistant';
  /** A string or an array of content blocks, as recorded. */
  readonly content: JsonValue;
  readonly id: string | null;
  readonly model: string | null;
}

/** The conversation turn a record holds, or null for records the model never sees. */
function turnOf(record: JsonValue, file: string, line: number): Turn | null {
  if (!isJsonObject(record)) return null;
  if (record.type !== 'user' && record.type !== 'assistant') return null;
  // Sidechains are sub-agent conversations with their own context, not turns of this one.
  if (record.isSidechain === true) return null;
  const message = record.message;
  if (!isJsonObject(message)) throw new InvalidTraceError(file, line, `${record.type} record needs a message object`);
  // Claude Code writes "<synthetic>" assistant messages itself (API errors, interruptions).
  if (message.model === '<synthetic>') return null;
  const { content } = message;
  if (typeof content !== 'string' && !Array.isArray(content)) {
    throw new InvalidTraceError(file, line, 'message content must be a string or an array of blocks');
  }
  return {
    role: record.type,
    content: typeof content === 'string' ? content : content.slice(),
    id: typeof message.id === 'string' ? message.id : null,
    model: typeof message.model === 'string' ? message.model : null,
  };
}
