/**
 * Server-sent events read from a byte stream, each with its exact bytes. Events are cut at blank
 * lines on the bytes themselves (CR and LF never occur inside a UTF-8 sequence), so a character split
 * across network chunks is decoded only once whole, and an event passed on is passed on byte for byte.
 * (eventsource-parser decodes as it goes and keeps no raw bytes, which a relay needs.)
 */

/** One event: its bytes as received (blank line included), its `event:` name and joined `data:` lines. */
export interface SseEvent {
  readonly raw: Uint8Array;
  readonly event: string | null;
  readonly data: string;
}

const LF = 0x0a;
const CR = 0x0d;
const decoder = new TextDecoder('utf-8');

/** Index just past the blank line that ends the first event in `bytes` from `from`, or -1 when none yet. */
function eventEnd(bytes: Uint8Array, from: number): number {
  let lineStart = from;
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i];
    if (c !== LF && c !== CR) continue;
    // A CR at the very end may be the first half of CRLF: wait for the next byte.
    if (c === CR && i + 1 === bytes.length) return -1;
    const next = c === CR && bytes[i + 1] === LF ? i + 2 : i + 1;
    if (i === lineStart) return next; // an empty line ends the event
    lineStart = next;
    i = next - 1;
  }
  return -1;
}

/** Parses the fields of one event's text (per the SSE spec: comments skipped, one leading space cut). */
export function parseSseEvent(raw: Uint8Array): SseEvent {
  const text = decoder.decode(raw);
  let event: string | null = null;
  const data: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return { raw, event, data: data.join('\n') };
}

/** Every event of `chunks`, in order; trailing bytes without a closing blank line come last as one event. */
export async function* sseEvents(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  let pending: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    pending = pending.length === 0 ? chunk : concat(pending, chunk);
    let start = 0;
    for (let end = eventEnd(pending, start); end >= 0; end = eventEnd(pending, start)) {
      yield parseSseEvent(pending.subarray(start, end));
      start = end;
    }
    pending = start === 0 ? pending : pending.slice(start);
  }
  if (pending.length > 0) yield parseSseEvent(pending);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Bytes of an event the proxy writes itself. */
export function sseBytes(data: string, event?: string): Uint8Array {
  return new TextEncoder().encode(`${event === undefined ? '' : `event: ${event}\n`}data: ${data}\n\n`);
}
