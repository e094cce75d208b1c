/** The compressible blocks of a suite's traces, each once, with the conversation around it. */
import { createHash } from 'node:crypto';
import { requestsOf, type Trace } from '../../bench/trace.ts';
import type { JsonObject, RequestPart } from '../../types.ts';
import { canonicalFromBody } from '../../engine/request/canonical-request.ts';

/** One compressible block as the engine would see it. */
export interface SuiteBlock {
  readonly suite: string;
  readonly trace: string;
  /** Where the block sits in the trace's last request, e.g. `messages.3.content.0.content`. */
  readonly path: string;
  readonly text: string;
  /** The user and assistant text of that request, as the engine hands it to compressors. */
  readonly conversation: string;
}

/** The same rule compressRequest uses to build a compressor's conversation context. */
function conversationOf(parts: readonly RequestPart[]): string {
  return parts
    .filter((p) => (p.role === 'user' || p.role === 'assistant') && p.type === 'text' && !p.compressible)
    .map((p) => p.text)
    .join('\n');
}

/** The last request a trace sends: it carries every block the session ever sent. */
function lastRequest(trace: Trace): JsonObject | null {
  let last: JsonObject | null = null;
  for (const request of requestsOf(trace)) last = request.body;
  return last;
}

/**
 * Every compressible block of every trace, deduplicated by content hash (the first occurrence
 * wins): the engine's outcome depends on the bytes, so a repeated block would test nothing new.
 */
export function suiteBlocks(suite: string, traces: readonly Trace[]): SuiteBlock[] {
  const seen = new Set<string>();
  const blocks: SuiteBlock[] = [];
  for (const trace of traces) {
    const body = lastRequest(trace);
    if (body === null) continue;
    const request = canonicalFromBody(body, trace.header.provider);
    const conversation = conversationOf(request.parts);
    for (const part of request.parts) {
      if (!part.compressible) continue;
      const hash = createHash('sha256').update(part.text).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      blocks.push({ suite, trace: trace.header.id, path: part.path.join('.'), text: part.text, conversation });
    }
  }
  return blocks;
}

/** Every k-th block (k >= 1), always from the first: a deterministic sample. */
export function everyKth<T>(items: readonly T[], k: number): T[] {
  return items.filter((_, index) => index % k === 0);
}
