import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../types.ts';
import type { Trace } from '../trace.ts';
import { claudeCodeImporter } from './claude-code-importer.ts';
import { streamTraces } from './stream-traces.ts';

const fixture = path.join(import.meta.dirname, '__fixtures__', 'claude-code-todo-app.jsonl');
const lines = readFileSync(fixture, 'utf8').trimEnd().split('\n');
const sessionId = (JSON.parse(lines[1] ?? '{}') as JsonObject).sessionId;

// What Claude Code writes when it compacts: a boundary the model never sees, then the summary it does.
const boundary = JSON.stringify({
  parentUuid: null,
  logicalParentUuid: 'x',
  isSidechain: false,
  type: 'system',
  subtype: 'compact_boundary',
  content: 'Conversation compacted',
  sessionId,
  compactMetadata: { trigger: 'auto', preTokens: 155_000 },
  uuid: 'b1',
});
const summary =
  'This session is being continued from a previous conversation that ran out of context. The conversation is summarized below: the TODO app was scaffolded.';
const summaryRecord = JSON.stringify({
  parentUuid: 'b1',
  isSidechain: false,
  type: 'user',
  isCompactSummary: true,
  isVisibleInTranscriptOnly: true,
  sessionId,
  message: { role: 'user', content: summary },
  uuid: 's1',
});

/** The fixture's records again, with other assistant message ids: the conversation after the compaction. */
const after = lines.map((line) => line.replaceAll('"id":"msg_', '"id":"msg_after_'));

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'terse-compacted-'));
  file = path.join(dir, 'compacted-session.jsonl');
  await writeFile(file, `${[...lines, boundary, summaryRecord, ...after, boundary, summaryRecord].join('\n')}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(source: AsyncIterable<Trace>): Promise<Trace[]> {
  const out: Trace[] = [];
  for await (const trace of source) out.push(trace);
  return out;
}

const calls = (trace: Trace): number => trace.events.filter((event) => event.type === 'call').length;
const messagesOf = (trace: Trace): JsonObject[] =>
  trace.events.flatMap((event) => (event.type === 'message' ? [event.message] : []));

describe('a Claude Code session compacted twice, streamed', () => {
  it('is one conversation per compaction, the summary opening each later one', async () => {
    const traces = await collect(streamTraces(file));
    expect(traces.map((trace) => trace.header.id)).toEqual([
      'compacted-session',
      'compacted-session#2',
      'compacted-session#3',
    ]);
    const original = await claudeCodeImporter.load(fixture, {});
    expect(traces[0]?.events).toEqual(original.events);
    // The summary opens the second conversation; the fixture's first user turn follows it in the same message.
    const opening = messagesOf(traces[1] as Trace)[0];
    expect(opening?.role).toBe('user');
    expect((opening?.content as JsonObject[])[0]).toEqual({ type: 'text', text: summary });
    expect(calls(traces[1] as Trace)).toBe(calls(original));
    // A compaction at the very end leaves a conversation of the summary alone: no request to replay.
    expect(messagesOf(traces[2] as Trace)).toEqual([{ role: 'user', content: summary }]);
    expect(calls(traces[2] as Trace)).toBe(0);
    expect(traces.every((trace) => trace.header.request.model === 'claude-sonnet-4-20250514')).toBe(true);
  });

  it('is still one trace of every turn when loaded whole, as terse import reads it', async () => {
    const whole = await claudeCodeImporter.load(file, {});
    const streamed = await collect(streamTraces(file));
    expect(whole.header.id).toBe('compacted-session');
    expect(calls(whole)).toBe(streamed.reduce((n, trace) => n + calls(trace), 0));
  });

  it('streams a session without a compaction as the one trace load reads', async () => {
    const streamed = await collect(streamTraces(fixture));
    expect(streamed).toEqual([await claudeCodeImporter.load(fixture, {})]);
  });
});
