/**
 * A real agent session committed under traces/local (Trace v1), as the requests its agent sent: real
 * tool outputs for the proxy's tests. Read here with JSON.parse (the proxy does not import the bench).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { environment } from '../../config.ts';
import type { JsonObject } from '../../types.ts';

/** The bodies an agent sent, one per call, each with every message so far. */
export interface RecordedSession {
  readonly request: JsonObject;
  readonly bodies: readonly JsonObject[];
  /** The tool outputs of the session, in order. */
  readonly toolOutputs: readonly string[];
}

/** Reads `traces/local/<name>.jsonl`. */
export function loadRecordedSession(name: string): RecordedSession {
  const lines = readFileSync(path.join(environment.projectRoot, 'traces', 'local', `${name}.jsonl`), 'utf8')
    .trim()
    .split('\n');
  const [header, ...events] = lines.map((line) => JSON.parse(line) as JsonObject);
  const request = (header?.request ?? {}) as JsonObject;
  const messages: JsonObject[] = [];
  const bodies: JsonObject[] = [];
  const toolOutputs: string[] = [];
  for (const event of events) {
    if (event.type === 'call') {
      bodies.push({ ...request, messages: messages.slice() });
      continue;
    }
    const message = event.message as JsonObject;
    messages.push(message);
    if (!Array.isArray(message.content)) continue;
    for (const block of message.content as JsonObject[]) {
      if (block.type === 'tool_result' && typeof block.content === 'string') toolOutputs.push(block.content);
    }
  }
  return { request, bodies, toolOutputs };
}

/** The request whose newest turn brings `output` (the first request to carry it). */
export function bodyBringing(session: RecordedSession, output: string): JsonObject {
  const found = session.bodies.find((body) => {
    const last = (body.messages as JsonObject[]).at(-1);
    return Array.isArray(last?.content) && (last.content as JsonObject[]).some((block) => block.content === output);
  });
  if (found === undefined) throw new Error('no request brings that output');
  return found;
}

/** The SRE session: 13 real command outputs, most of which `balanced` compresses with markers. */
export const SRE_SESSION = 'local-sre-node-runtime-failures';
