/**
 * The text a model reads from a trace, message by message, normalised the way probe answers are
 * matched: what a probe is checked against while the suite is being built.
 */
import { requestParts } from '../engine/request/request-parts.ts';
import type { JsonObject } from '../types.ts';
import { containsAnswer, normalizeForMatch } from './answer-match.ts';
import { requestsOf, type Trace } from './trace.ts';

/** Readable text of one trace: per message, up to a turn, and whole. */
export interface TraceText {
  /** Messages the last model call carries: evidence must sit before this index. */
  readonly sentMessages: number;
  /** Normalised text of message `turn` alone. */
  message(turn: number): string;
  /** True when `answer` occurs in the header or the messages up to and including `turn`. */
  shownBy(turn: number, answer: string): boolean;
  /** True when `answer` occurs anywhere in the trace. */
  occurs(answer: string): boolean;
}

/** Builds the text view of `trace` once; lookups after that are plain string searches. */
export function traceText(trace: Trace): TraceText {
  const messages: JsonObject[] = trace.events.flatMap((e) => (e.type === 'message' ? [e.message] : []));
  let sentMessages = 0;
  for (const request of requestsOf(trace)) sentMessages = request.messageCount;
  const parts = requestParts(trace.header.provider, { ...trace.header.request, messages });
  const header = normalizeForMatch(
    parts
      .filter((p) => p.messageIndex < 0)
      .map((p) => p.text)
      .join('\n'),
  );
  const byMessage = messages.map(() => '');
  for (const part of parts)
    if (part.messageIndex >= 0) byMessage[part.messageIndex] += `${normalizeForMatch(part.text)}\n`;
  // Offsets of each message's end in the whole text, so "up to turn" is a bounded search.
  const ends: number[] = [];
  let whole = `${header}\n`;
  for (const text of byMessage) ends.push((whole += text).length);
  return {
    sentMessages,
    message: (turn) => byMessage[turn] ?? '',
    shownBy: (turn, answer) => turn >= 0 && turn < ends.length && containsAnswer(whole.slice(0, ends[turn]), answer),
    occurs: (answer) => containsAnswer(whole, answer),
  };
}
