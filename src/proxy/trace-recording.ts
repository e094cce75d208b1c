/**
 * `--record DIR`: each session written as a Trace v1 file (docs/trace-format.md) that `terse replay`
 * reads as is. The proxy writes the format itself (the proxy and the bench never import each other):
 * a header line, then per request the messages not yet written and a call. A request whose messages do
 * not extend what was written (the client rewound or compacted) starts a new file.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JsonObject, JsonValue, Provider } from '../types.ts';
import type { ProxySession, SessionRecording } from './session-registry.ts';

/** The header line: key order fixed, so a trace always starts `{"version":1,"type":"trace",`. */
function headerLine(id: string, provider: Provider, body: JsonObject, file: string): string {
  const { messages: _messages, ...request } = body;
  return `${JSON.stringify({ version: 1, type: 'trace', id, workload: 'other', provider, request, source: { format: 'terse-proxy', file } })}\n`;
}

const messageLine = (message: JsonValue): string => `${JSON.stringify({ type: 'message', message })}\n`;
const hashOf = (line: string): string => createHash('sha1').update(line).digest('base64');

/** A file name from the session key: safe characters only. */
function baseName(key: string): string {
  return key.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);
}

/** Creates `<key>.jsonl`, or `<key>-2.jsonl`... when a file of that name exists (never overwritten). */
async function createTraceFile(dir: string, key: string, header: (file: string) => string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${baseName(key)}${n === 1 ? '' : `-${n}`}.jsonl`);
    try {
      await writeFile(file, header(path.basename(file)), { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** True when the first messages of `lines` are the ones already written. */
function extendsRecording(recording: SessionRecording, lines: readonly string[]): boolean {
  if (lines.length < recording.messageHashes.length) return false;
  return recording.messageHashes.every((hash, i) => hashOf(lines[i] as string) === hash);
}

/** Appends one client request (as the client sent it) to the session's trace. */
export async function recordRequest(
  dir: string,
  session: ProxySession,
  provider: Provider,
  body: JsonObject,
): Promise<void> {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const lines = messages.map(messageLine);
  let recording = session.recording;
  if (recording === null || !extendsRecording(recording, lines)) {
    const file = await createTraceFile(dir, session.key, (name) =>
      headerLine(path.basename(name, '.jsonl'), provider, body, name),
    );
    recording = session.recording = { file, messageHashes: [] };
  }
  const fresh = lines.slice(recording.messageHashes.length);
  await appendFile(recording.file, `${fresh.join('')}{"type":"call"}\n`);
  for (const line of fresh) recording.messageHashes.push(hashOf(line));
}
