/**
 * Writes a Claude Code session file of a given size from the recorded local sessions (real tool
 * output over real code): conversation after conversation, each one recorded session's turns, ended
 * by a compaction (`compact_boundary`, then the summary the next conversation opens with), as a
 * long Claude Code session is. Beside the turns, the records the model never sees that make such
 * files large: each tool result's `toolUseResult` copy, and a sub-agent's sidechain (another recorded
 * session, `isSidechain: true`) after every fourth tool call. Deterministic: ids count up, times are
 * fixed.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Trace } from '../../src/bench/trace.ts';
import type { JsonObject, JsonValue } from '../../src/types.ts';

/** What was written. */
export interface LargeSession {
  readonly bytes: number;
  readonly conversations: number;
  /** Bytes of the records the importer reads as turns (main conversation, not sidechains). */
  readonly turnBytes: number;
}

const SESSION_ID = '00000000-0000-4000-8000-000000000001';
const SUMMARY =
  'This session is being continued from a previous conversation that ran out of context. The conversation is summarized below: the previous task is done; its findings are recorded in the repository notes.';

function blocksOf(content: JsonValue): JsonValue[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : Array.isArray(content) ? content : [];
}

/** Writes `targetBytes` or a little more to `file`, cycling through `sessions`. */
export async function writeLargeSession(
  file: string,
  sessions: readonly Trace[],
  targetBytes: number,
): Promise<LargeSession> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let bytes = 0;
  let turnBytes = 0;
  let uuid = 0;
  let message = 0;
  let parent: string | null = null;
  const write = async (record: JsonObject, turn: boolean): Promise<void> => {
    const line = `${JSON.stringify(record)}\n`;
    bytes += Buffer.byteLength(line);
    if (turn) turnBytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  const base = (sidechain: boolean): JsonObject => {
    const id = `u-${++uuid}`;
    const record: JsonObject = {
      parentUuid: parent,
      isSidechain: sidechain,
      userType: 'external',
      cwd: '/repo',
      sessionId: SESSION_ID,
      version: '1.0.98',
      gitBranch: 'main',
      uuid: id,
      timestamp: '2025-09-03T00:00:00.000Z',
    };
    if (!sidechain) parent = id;
    return record;
  };
  /** One session's messages as Claude Code records: one line per assistant block, tool results with their copy. */
  const writeTurns = async (trace: Trace, sidechain: boolean, model: JsonValue): Promise<number> => {
    let toolCalls = 0;
    for (const event of trace.events) {
      if (event.type !== 'message') continue;
      const { role } = event.message;
      const content = event.message.content ?? '';
      if (role === 'assistant') {
        const id = `msg_${String(++message).padStart(8, '0')}`;
        for (const block of blocksOf(content)) {
          if (typeof block === 'object' && block !== null && !Array.isArray(block) && block.type === 'tool_use')
            toolCalls++;
          await write(
            {
              ...base(sidechain),
              type: 'assistant',
              message: {
                id,
                type: 'message',
                role: 'assistant',
                model,
                content: [block],
                stop_reason: null,
                usage: { input_tokens: 4, output_tokens: 120 },
              },
            },
            !sidechain,
          );
        }
      } else {
        const results = blocksOf(content).filter(
          (block) =>
            typeof block === 'object' && block !== null && !Array.isArray(block) && block.type === 'tool_result',
        ) as JsonObject[];
        const copy = results
          .map((block) => (typeof block.content === 'string' ? block.content : JSON.stringify(block.content)))
          .join('\n');
        await write(
          {
            ...base(sidechain),
            type: 'user',
            message: { role: 'user', content },
            ...(results.length > 0
              ? { toolUseResult: { stdout: copy, stderr: '', interrupted: false, isImage: false } }
              : {}),
          },
          !sidechain,
        );
      }
    }
    return toolCalls;
  };
  let conversations = 0;
  for (let at = 0; bytes < targetBytes; at++) {
    const trace = sessions[at % sessions.length] as Trace;
    const model = trace.header.request.model ?? 'claude-sonnet-4-5';
    if (conversations > 0)
      await write(
        {
          ...base(false),
          type: 'user',
          isCompactSummary: true,
          isVisibleInTranscriptOnly: true,
          message: { role: 'user', content: SUMMARY },
        },
        true,
      );
    const calls = await writeTurns(trace, false, model);
    // The sub-agents this conversation ran: their whole conversations, which the main one never sees.
    for (let agent = 0; agent < Math.floor(calls / 4); agent++)
      await writeTurns(sessions[(at + agent + 1) % sessions.length] as Trace, true, model);
    await write(
      {
        ...base(false),
        type: 'system',
        subtype: 'compact_boundary',
        content: 'Conversation compacted',
        isMeta: false,
        level: 'info',
        compactMetadata: { trigger: 'auto', preTokens: 155_000 },
      },
      false,
    );
    conversations++;
  }
  out.end();
  await once(out, 'finish');
  return { bytes, conversations, turnBytes };
}
