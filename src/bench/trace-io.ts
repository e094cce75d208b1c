/**
 * Trace v1 files (docs/trace-format.md): read line by line with validation, so a 100 MB trace never
 * becomes one string; written header first, one JSON object per line.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InvalidTraceError } from '../errors.ts';
import type { JsonValue, Provider } from '../types.ts';
import { fileLines } from './importers/file-lines.ts';
import { isJsonObject, parseJsonDocument, pathErrorOf } from './importers/json-document.ts';
import type { NumberLiterals } from './importers/number-literals.ts';
import { TRACE_VERSION, WORKLOADS, type Trace, type TraceEvent, type TraceHeader, type Workload } from './trace.ts';

const PROVIDERS: readonly Provider[] = ['anthropic', 'openai'];

/** Reads a Trace v1 JSONL file; any bad line is an InvalidTraceError naming that line. */
export async function readTraceV1(file: string, numbers?: NumberLiterals): Promise<Trace> {
  let header: TraceHeader | null = null;
  const events: TraceEvent[] = [];
  for await (const line of fileLines(file)) {
    if (line.text.trim() === '') continue;
    const value = parseLine(line.text, file, line.number, numbers);
    if (header === null) header = parseTraceHeader(value, file, line.number);
    else events.push(parseTraceEvent(value, file, line.number));
  }
  if (header === null) throw new InvalidTraceError(file, null, 'empty file');
  return { header, events };
}

/** One JSON value per line; a syntax error (or a value nested too deep) names the line. */
function parseLine(line: string, file: string, lineNumber: number, numbers?: NumberLiterals): JsonValue {
  return parseJsonDocument(line, file, numbers, lineNumber);
}

/** Validates the first line of a trace: `{"version":1,"type":"trace",...}`. */
export function parseTraceHeader(value: JsonValue, file: string, line: number): TraceHeader {
  const fail = (reason: string): never => {
    throw new InvalidTraceError(file, line, reason);
  };
  if (!isJsonObject(value)) return fail('header must be a JSON object');
  if (value.type !== 'trace') fail(`header field type must be "trace", not ${JSON.stringify(value.type ?? null)}`);
  if (value.version !== TRACE_VERSION)
    fail(`unsupported trace version ${JSON.stringify(value.version ?? null)} (expected ${TRACE_VERSION})`);
  const { id, workload, provider, request, source } = value;
  if (typeof id !== 'string' || id === '') return fail('header field id must be a non-empty string');
  if (typeof workload !== 'string' || !(WORKLOADS as readonly string[]).includes(workload)) {
    return fail(
      `header field workload must be one of ${WORKLOADS.join(', ')}, not ${JSON.stringify(workload ?? null)}`,
    );
  }
  if (typeof provider !== 'string' || !(PROVIDERS as readonly string[]).includes(provider)) {
    return fail(`header field provider must be anthropic or openai, not ${JSON.stringify(provider ?? null)}`);
  }
  if (!isJsonObject(request)) return fail('header field request must be an object');
  if (!isJsonObject(source) || typeof source.format !== 'string' || typeof source.file !== 'string') {
    return fail('header field source must be an object with string format and file');
  }
  return {
    version: TRACE_VERSION,
    type: 'trace',
    id,
    workload: workload as Workload,
    provider: provider as Provider,
    request,
    source: { format: source.format, file: source.file },
  };
}

/** Validates one event line: a message with a role, or a call. */
function parseTraceEvent(value: JsonValue, file: string, line: number): TraceEvent {
  if (!isJsonObject(value)) throw new InvalidTraceError(file, line, 'event must be a JSON object');
  if (value.type === 'call') return { type: 'call' };
  if (value.type !== 'message') {
    throw new InvalidTraceError(
      file,
      line,
      `event type must be "message" or "call", not ${JSON.stringify(value.type ?? null)}`,
    );
  }
  const message = value.message;
  if (!isJsonObject(message)) throw new InvalidTraceError(file, line, 'message event needs a message object');
  if (typeof message.role !== 'string') throw new InvalidTraceError(file, line, 'message needs a string role');
  return { type: 'message', message };
}

/** The lines of a trace file, header first, each ending in a newline (number placeholders of `numbers` written back as their literals). */
export function* traceLines(trace: Trace, numbers?: NumberLiterals): Generator<string> {
  for (const line of plainTraceLines(trace)) yield numbers === undefined ? line : numbers.restore(line);
}

function* plainTraceLines(trace: Trace): Generator<string> {
  const { header } = trace;
  // Fixed key order: the header line always starts {"version":1,"type":"trace", which sniffers rely on.
  yield `${JSON.stringify({
    version: header.version,
    type: header.type,
    id: header.id,
    workload: header.workload,
    provider: header.provider,
    request: header.request,
    source: header.source,
  })}\n`;
  for (const event of trace.events) {
    yield event.type === 'call'
      ? '{"type":"call"}\n'
      : `${JSON.stringify({ type: 'message', message: event.message })}\n`;
  }
}

/** The whole trace as Trace v1 text (one JSON object per line, trailing newline). */
export function serializeTrace(trace: Trace): string {
  return Array.from(traceLines(trace)).join('');
}

/** Writes a trace to `file` line by line; the file appears only once complete (write, then rename). */
export async function writeTraceV1(trace: Trace, file: string, numbers?: NumberLiterals): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    await pipeline(Readable.from(traceLines(trace, numbers)), createWriteStream(partial, { encoding: 'utf8' }));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw pathErrorOf(file, error);
  }
}
