/** Reading whole JSON documents (request files, trajectories) with errors that name the line. */
import { readFile } from 'node:fs/promises';
import { InvalidTraceError, PathError } from '../../errors.ts';
import type { JsonObject, JsonValue } from '../../types.ts';
import { jsonSyntaxErrorOffset, lineAtOffset } from './json-syntax-error.ts';

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses `text` as one JSON document; a syntax error becomes InvalidTraceError naming its line. */
export function parseJsonDocument(text: string, file: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const offset = jsonSyntaxErrorOffset(text) ?? text.length;
    throw new InvalidTraceError(file, lineAtOffset(text, offset), `malformed JSON: ${error.message.slice(0, 120)}`);
  }
}

/** Reads and parses a whole JSON file. */
export async function readJsonDocument(file: string): Promise<JsonValue> {
  return parseJsonDocument(await readTextFile(file), file);
}

/** Reads a UTF-8 file; a missing or unreadable file becomes PathError. */
async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw pathErrorOf(file, error);
  }
}

/** Turns a Node file-system error into PathError with a readable reason. */
export function pathErrorOf(file: string, error: unknown): PathError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new PathError(file, 'no such file or directory');
  if (code === 'EISDIR') return new PathError(file, 'is a directory');
  if (code === 'EACCES') return new PathError(file, 'permission denied');
  return new PathError(file, error instanceof Error ? error.message : String(error));
}

/** True when a file's first bytes look like one JSON document rather than JSON lines. */
export function looksLikeJsonDocument(head: string): boolean {
  const trimmed = head.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  const lines = trimmed.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) return true;
  // JSON lines: the first line is a whole value by itself.
  return jsonSyntaxErrorOffset(lines[0] ?? '') !== null;
}
