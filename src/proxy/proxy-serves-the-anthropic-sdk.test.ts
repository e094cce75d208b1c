import type Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMarkers } from '../store/marker.ts';
import type { JsonObject } from '../types.ts';
import { bodyBringing, loadRecordedSession, SRE_SESSION } from '../testkit/proxy/recorded-session.ts';
import { startProxyHarness, TEST_API_KEY, type ProxyHarness } from '../testkit/proxy/proxy-harness.ts';

const session = loadRecordedSession(SRE_SESSION);
// The request whose newest turn brings the session's largest output (17 KB of test logs).
const body = bodyBringing(session, session.toolOutputs[8]!);

let harness: ProxyHarness;
beforeAll(async () => {
  harness = await startProxyHarness();
});
afterAll(() => harness.close());

function params(extra: Record<string, unknown> = {}): Anthropic.MessageCreateParamsNonStreaming {
  return { ...(body as unknown as Anthropic.MessageCreateParamsNonStreaming), ...extra };
}

describe('the proxy serving @anthropic-ai/sdk', () => {
  it('compresses the newest tool result, adds terse_retrieve after the client tools, and says so in its headers', async () => {
    const client = harness.anthropic({ 'x-terse-session': 'sdk-plain' });
    const { data, response } = await client.messages.create(params()).withResponse();
    expect(data.content).toEqual([{ type: 'text', text: 'ok' }]);
    const sent = harness.mock.requests.at(-1)!;
    expect(sent.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(sent.headers['anthropic-version']).toBeDefined();
    expect(sent.headers['x-terse-session']).toBeUndefined();
    const upstreamBody = sent.json!;
    expect((upstreamBody.tools as JsonObject[]).map((t) => t.name)).toEqual(['bash', 'terse_retrieve']);
    expect(findMarkers(JSON.stringify(upstreamBody.messages)).length).toBeGreaterThan(0);
    const before = Number(response.headers.get('x-terse-tokens-before'));
    const after = Number(response.headers.get('x-terse-tokens-after'));
    expect(after).toBeLessThan(before);
    expect(response.headers.get('x-terse-compressors')).not.toBe('none');
    expect(response.headers.get('x-terse-session')).toBe('sdk-plain');
    expect(harness.logs.join('\n')).not.toContain(TEST_API_KEY);
  });

  it('streams a reply through, text intact', async () => {
    const client = harness.anthropic({ 'x-terse-session': 'sdk-stream' });
    const stream = client.messages.stream({ ...params(), stream: true } as Anthropic.MessageStreamParams);
    const message = await stream.finalMessage();
    expect(message.content).toEqual([{ type: 'text', text: 'ok' }]);
    expect(harness.mock.requests.at(-1)!.json!.stream).toBe(true);
  });

  for (const stream of [false, true]) {
    it(`sends a thinking block and its signature back upstream exactly when it continues for terse_retrieve (${stream ? 'streamed' : 'whole'})`, async () => {
      const thinking = {
        text: 'The runner output was cut; fetch the original. 🤔',
        signature: 'EqQBCkgIARABGAIiQL+/9xZ3sig+/==',
      };
      const from = harness.mock.requests.length;
      harness.mock.respond((request, index) => {
        if (index !== from) return { kind: 'turn', text: 'done' };
        const [marker] = findMarkers(request.body.toString('utf8'));
        return {
          kind: 'turn',
          thinking,
          toolCalls: [{ id: 'toolu_r', name: 'terse_retrieve', input: { ref: marker!.ref } }],
        };
      });
      const client = harness.anthropic({ 'x-terse-session': `thinking-${stream}` });
      const message = stream
        ? await client.messages.stream({ ...params(), stream: true } as Anthropic.MessageStreamParams).finalMessage()
        : await client.messages.create(params());
      expect(message.content).toEqual([
        { type: 'thinking', thinking: thinking.text, signature: thinking.signature },
        { type: 'text', text: 'done' },
      ]);
      const continuation = harness.mock.requests.at(-1)!.json!.messages as JsonObject[];
      expect((continuation.at(-2)!.content as JsonObject[])[0]).toEqual({
        type: 'thinking',
        thinking: thinking.text,
        signature: thinking.signature,
      });
      harness.mock.respond(() => ({ kind: 'turn', text: 'ok' }));
    });
  }

  it('passes count_tokens through untouched (no compression, no tool added)', async () => {
    harness.mock.respond((request) =>
      request.url.startsWith('/v1/messages/count_tokens')
        ? { kind: 'raw', status: 200, body: '{"input_tokens":4242}' }
        : { kind: 'turn', text: 'ok' },
    );
    const client = harness.anthropic();
    const counted = await client.messages.countTokens({
      model: String(body.model),
      messages: body.messages as unknown as Anthropic.MessageParam[],
      tools: body.tools as unknown as Anthropic.Tool[],
    });
    expect(counted.input_tokens).toBe(4242);
    const sent = harness.mock.requests.at(-1)!;
    expect(sent.url).toBe('/v1/messages/count_tokens');
    expect(findMarkers(sent.body.toString('utf8'))).toEqual([]);
    expect((sent.json!.tools as JsonObject[]).map((t) => t.name)).toEqual(['bash']);
  });

  it('passes any other path through with status, headers and body as upstream sent them', async () => {
    const listing = '{"data":[{"id":"claude-x","type":"model"}],"has_more":false}';
    harness.mock.respond(() => ({ kind: 'raw', status: 203, headers: { 'x-upstream-trace': 'abc' }, body: listing }));
    const response = await fetch(`${harness.running.url}/v1/models?limit=1`, {
      headers: { 'x-api-key': TEST_API_KEY, 'anthropic-version': '2023-06-01' },
    });
    expect(response.status).toBe(203);
    expect(response.headers.get('x-upstream-trace')).toBe('abc');
    expect(await response.text()).toBe(listing);
    expect(harness.mock.requests.at(-1)!.url).toBe('/v1/models?limit=1');
  });
});
