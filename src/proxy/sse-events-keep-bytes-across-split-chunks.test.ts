import { describe, expect, it } from 'vitest';
import { sseEvents } from './sse-events.ts';

const encoder = new TextEncoder();

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function collect(bytes: Uint8Array, size: number) {
  const events = [];
  for await (const event of sseEvents(chunksOf(bytes, size))) events.push(event);
  return events;
}

const STREAM =
  'event: content_block_delta\ndata: {"type":"content_block_delta","delta":{"text":"déjà vu 🚀 日本語"}}\n\n' +
  ': a comment\r\nevent: ping\r\ndata: {"type": "ping"}\r\n\r\n' +
  'data: line one\rdata:line two\r\r' +
  'data: [DONE]\n\n';

describe('sseEvents', () => {
  it.each([1, 2, 3, 5, 7, 64, 4096])(
    'cuts the same events with the same bytes when chunks are %i bytes',
    async (size) => {
      const bytes = encoder.encode(STREAM);
      const events = await collect(bytes, size);
      expect(events.map((e) => e.event)).toEqual(['content_block_delta', 'ping', null, null]);
      expect(events.map((e) => e.data)).toEqual([
        '{"type":"content_block_delta","delta":{"text":"déjà vu 🚀 日本語"}}',
        '{"type": "ping"}',
        'line one\nline two',
        '[DONE]',
      ]);
      expect(Buffer.concat(events.map((e) => e.raw)).equals(Buffer.from(bytes))).toBe(true);
    },
  );

  it('passes trailing bytes without a closing blank line as a last event', async () => {
    const events = await collect(encoder.encode('data: a\n\ndata: cut off'), 4);
    expect(events.map((e) => e.data)).toEqual(['a', 'cut off']);
  });
});
