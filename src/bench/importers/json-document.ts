/** Reading whole JSON documents (request files, trajectories) with errors that name the line. */
import { readFile } from 'node:fs/promises';
import { InvalidTraceError, PathError } from '../../errors.ts';
import type { JsonObject, JsonValue } from '../../types.ts';
import { jsonSyntaxErrorOffset, lineAtOffset } from './json-syntax-error.ts';
import { MAX_JSON_DEPTH, tooDeepAt } from '../../engine/json-depth.ts';
import type { NumberLiterals } from './number-literals.ts';
import { decodeUtf8 } from './strict-utf8.ts';

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses `text` as one JSON document; a syntax error becomes InvalidTraceError naming its line, and
 * a value nested too deep for what comes after (MAX_JSON_DEPTH) one naming its field. With `numbers`,
 * literals a parse would change are kept as placeholders (number-literals.ts).
 */
export function parseJsonDocument(
  text: string,
  file: string,
  numbers?: NumberLiterals,
  line: number | null = null,
): JsonValue {
  let value: JsonValue;
  try {
    value = JSON.parse(numbers === undefined ? text : numbers.protect(text)) as JsonValue;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const offset = jsonSyntaxErrorOffset(text) ?? text.length;
    throw new InvalidTraceError(
      file,
      line ?? lineAtOffset(text, offset),
      `malformed JSON: ${error.message.slice(0, 120)}`,
    );
  }
  const deep = tooDeepAt(value);
  if (deep !== null)
    throw new InvalidTraceError(
      file,
      line,
      `${deep === '' ? 'the document' : deep}: nested deeper than ${MAX_JSON_DEPTH} levels`,
    );
  return value;
}

/** Reads and parses a whole JSON file. */
export async function readJsonDocument(file: string, numbers?: NumberLiterals): Promise<JsonValue> {
  return parseJsonDocument(await readTextFile(file), file, numbers);
}

/** Reads a UTF-8 file; a missing or unreadable file becomes PathError, bytes that are not UTF-8 an InvalidEncodingError. */
async function readTextFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw pathErrorOf(file, error);
  }
  return decodeUtf8(bytes, file);
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
