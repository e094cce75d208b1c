/**
 * The cache aligner through the proxy: a real session sent with @anthropic-ai/sdk, which sets no
 * `cache_control`, goes upstream with breakpoints spliced in; a breakpoint once sent on a block is
 * sent on it again by every later request, never more than four; and every other byte is what the
 * same proxy without the aligner sends (SHA-256 of every range between the insertions).
 */
import type Anthropic from '@anthropic-ai/sdk';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../types.ts';
import { loadRecordedSession, SRE_SESSION } from '../testkit/proxy/recorded-session.ts';
import { startProxyHarness, type ProxyHarness } from '../testkit/proxy/proxy-harness.ts';

const session = loadRecordedSession(SRE_SESSION);
const MEMBER = ',"cache_control":{"type":"ephemeral"}';
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

let aligned: ProxyHarness;
let plain: ProxyHarness;
beforeAll(async () => {
  // No cost policy in either: both compress the same blocks, so the aligner's members are the one difference.
  aligned = await startProxyHarness({ engine: { expectedLaterRequests: 0 } });
  plain = await startProxyHarness({ engine: { expectedLaterRequests: 0, cacheAligner: false } });
});
afterAll(async () => {
  await aligned.close();
  await plain.close();
});

/** Sends every request of the session through `harness`; the bodies that went upstream, as text. */
async function sendSession(harness: ProxyHarness, name: string): Promise<string[]> {
  const client = harness.anthropic({ 'x-terse-session': name });
  const upstream: string[] = [];
  for (const body of session.bodies) {
    await client.messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming);
    upstream.push(harness.mock.requests.at(-1)!.body.toString('utf8'));
  }
  return upstream;
}

/** The paths of the blocks that carry `cache_control` in a body. */
function marked(body: JsonObject): string[] {
  const paths: string[] = [];
  (body.messages as JsonObject[]).forEach((message, m) => {
    if (!Array.isArray(message.content)) return;
    (message.content as JsonObject[]).forEach(
      (block, b) => block.cache_control !== undefined && paths.push(`messages.${m}.content.${b}`),
    );
  });
  return paths;
}

describe('the proxy aligning the prompt cache of an @anthropic-ai/sdk client', () => {
  it('splices breakpoints in, keeps each on its block for the rest of the session, and changes no other byte', async () => {
    const withAligner = await sendSession(aligned, 'aligner-on');
    const without = await sendSession(plain, 'aligner-off');
    expect(session.bodies.every((body) => !JSON.stringify(body).includes('cache_control'))).toBe(true);
    let previous: { paths: string[]; body: JsonObject } | null = null;
    let placed = 0;
    withAligner.forEach((text, i) => {
      const body = JSON.parse(text) as JsonObject;
      const paths = marked(body);
      expect(paths.length).toBeLessThanOrEqual(4);
      if (previous !== null) {
        // Every block marked before is sent again, bytes and breakpoint alike.
        for (const path of previous.paths) expect(paths).toContain(path);
        const at = (b: JsonObject, path: string): unknown =>
          path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], b);
        for (const path of previous.paths)
          expect(JSON.stringify(at(body, path))).toBe(JSON.stringify(at(previous.body, path)));
      }
      placed = paths.length;
      previous = { paths, body };
      // Cut at each inserted member: the ranges between them hash like the aligner-free request, in order.
      const ranges = text.split(MEMBER);
      expect(ranges.length - 1).toBe(paths.length);
      const reference = without[i]!;
      let at = 0;
      for (const range of ranges) {
        expect(sha256(reference.slice(at, at + range.length))).toBe(sha256(range));
        at += range.length;
      }
      expect(at).toBe(reference.length);
    });
    expect(placed).toBeGreaterThan(0);
  });
});
