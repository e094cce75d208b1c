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
  stream: (file, options) => readConversations(file, options, true),
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

/** One conversation being read: its events so far, the message still open, the model it names. */
class Conversation {
  readonly builder = new TraceEventsBuilder();
  last: OpenMessage | null = null;

  /** Adds a turn: merged into the open message when it continues it, else a new message (a call before an assistant's). */
  add(turn: Turn): void {
    if (turn.role === 'assistant') {
      if (this.last?.message.role === 'assistant' && turn.id !== null && this.last.id === turn.id) {
        appendContent(this.last.message, turn.content);
        return;
      }
      this.builder.call();
    } else if (this.last?.message.role === 'user') {
      appendContent(this.last.message, turn.content);
      return;
    }
    this.last = { message: { role: turn.role, content: turn.content }, id: turn.id };
    this.builder.message(this.last.message);
  }
}

/** A compaction: after it the model sees the summary and what follows, never the turns before. */
function isCompactBoundary(record: JsonValue): boolean {
  return isJsonObject(record) && record.type === 'system' && record.subtype === 'compact_boundary';
}

/**
 * The conversations of a session file, in order, as each ends: with `split`, a compaction
 * (`compact_boundary`) ends one and the summary after it opens the next (ids `<session>`,
 * `<session>#2`, ...); without, every turn is one conversation, as `load` has always read it.
 * Only the conversation being read is held: a file of many compactions streams in bounded memory.
 */
async function* readConversations(file: string, options: ImportOptions, split: boolean): AsyncGenerator<Trace> {
  let conversation = new Conversation();
  let model: string | null = null;
  let index = 1;
  const finish = (): Trace => {
    const request: JsonObject = model === null ? {} : { model };
    const header = importedHeader({ file, format: 'claude-code-session', provider: 'anthropic', request, options });
    return {
      header: index === 1 ? header : { ...header, id: `${header.id}#${index}` },
      events: conversation.builder.events,
    };
  };
  for await (const line of fileLines(file)) {
    if (line.text.trim() === '') continue;
    const record = parseJsonDocument(line.text, file, options.numbers, line.number);
    if (split && isCompactBoundary(record) && conversation.builder.events.length > 0) {
      yield finish();
      conversation = new Conversation();
      index++;
      continue;
    }
    const turn = turnOf(record, file, line.number);
    if (turn === null) continue;
    if (turn.role === 'assistant') model ??= turn.model;
    conversation.add(turn);
  }
  if (index === 1 || conversation.builder.events.length > 0) yield finish();
}

async function loadClaudeCodeSession(file: string, options: ImportOptions): Promise<Trace> {
  for await (const trace of readConversations(file, options, false)) return trace;
  throw new InvalidTraceError(file, null, 'no conversation');
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
