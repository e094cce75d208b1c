/**
 * Prompt-cache safety: a session replayed request by request through the proxy sends every earlier
 * message with the exact bytes it was first sent with; only the newest turn is ever compressed for
 * the first time, and terse_retrieve appears with the first marker and then stays.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateValues } from '../engine/request/json-spans.ts';
import { findMarkers } from '../store/marker.ts';
import type { JsonObject } from '../types.ts';
import { startProxyHarness, type ProxyHarness } from '../testkit/proxy/proxy-harness.ts';
import { bodyBringing, loadRecordedSession, SRE_SESSION } from '../testkit/proxy/recorded-session.ts';

const session = loadRecordedSession(SRE_SESSION);

let harness: ProxyHarness;
beforeAll(async () => {
  harness = await startProxyHarness();
});
afterAll(() => harness.close());

/** The text of each message of a sent body, as bytes (UTF-16 slices of its text). */
function messageTexts(body: Buffer, count: number): string[] {
  const text = body.toString('utf8');
  const paths = Array.from({ length: count }, (_, i) => ['messages', i] as const);
  const spans = locateValues(text, paths);
  return paths.map((path) => {
    const span = spans.get(path.join('.'))!;
    return text.slice(span[0], span[1]);
  });
}

function toolNames(request: { json: JsonObject | null }): string[] {
  return ((request.json?.tools ?? []) as JsonObject[]).map((tool) => String(tool.name));
}

async function replay(client: Anthropic, bodies: readonly JsonObject[]): Promise<Buffer[]> {
  const sent: Buffer[] = [];
  for (const body of bodies) {
    await client.messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming);
    sent.push(harness.mock.requests.at(-1)!.body);
  }
  return sent;
}

describe('live zone only', () => {
  it('sends every earlier message with the bytes it was first sent with, over a whole real session', async () => {
    const sent = await replay(harness.anthropic({ 'x-terse-session': 'live-zone-replay' }), session.bodies);
    const counts = session.bodies.map((body) => (body.messages as JsonObject[]).length);
    for (let i = 1; i < sent.length; i++) {
      const previous = messageTexts(sent[i - 1]!, counts[i - 1]!);
      expect(messageTexts(sent[i]!, counts[i - 1]!)).toEqual(previous);
    }
    // Some turns were compressed when they were new, and stayed compressed after.
    expect(findMarkers(sent.at(-1)!.toString('utf8')).length).toBeGreaterThan(3);
  });

  it("offers terse_retrieve from the session's first request, and never changes the tool list after", async () => {
    const from = harness.mock.requests.length;
    await replay(harness.anthropic({ 'x-terse-session': 'live-zone-tools' }), session.bodies);
    const requests = harness.mock.requests.slice(from);
    // The first markers come later: the tool was already there, so their arrival busts no cached prefix.
    const first = requests.findIndex((request) => findMarkers(request.body.toString('utf8')).length > 0);
    expect(first).toBeGreaterThan(0);
    for (const request of requests) expect(toolNames(request)).toEqual(['bash', 'terse_retrieve']);
  });

  it('follows a session without the header, by its first messages', async () => {
    const client = harness.anthropic();
    const sent = await replay(client, session.bodies.slice(0, 6));
    const counts = session.bodies.slice(0, 6).map((body) => (body.messages as JsonObject[]).length);
    for (let i = 1; i < sent.length; i++)
      expect(messageTexts(sent[i]!, counts[i - 1]!)).toEqual(messageTexts(sent[i - 1]!, counts[i - 1]!));
    const { response } = await client.messages
      .create(session.bodies[6] as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .withResponse();
    expect(response.headers.get('x-terse-session')).toMatch(/^conversation-[0-9a-f]{16}$/);
  });

  it('joining a session midway compresses only the newest turn and sends the history as the client did', async () => {
    // Midway through the session: five compressible outputs before the newest turn, which brings 17 KB of test logs.
    const last = bodyBringing(session, session.toolOutputs[8]!);
    const messages = last.messages as JsonObject[];
    await harness
      .anthropic({ 'x-terse-session': 'joined-midway' })
      .messages.create(last as unknown as Anthropic.MessageCreateParamsNonStreaming);
    const sent = harness.mock.requests.at(-1)!.body;
    const clientTexts = messageTexts(Buffer.from(JSON.stringify(last)), messages.length);
    const sentTexts = messageTexts(sent, messages.length);
    expect(sentTexts.slice(0, -1)).toEqual(clientTexts.slice(0, -1));
    expect(findMarkers(sentTexts.at(-1)!).length).toBeGreaterThan(0);
  });
});
