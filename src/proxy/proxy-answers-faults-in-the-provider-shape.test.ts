/**
 * Bad input and faults: the proxy's own errors come in the provider's shape with the right status,
 * upstream errors come back verbatim, a client that leaves aborts its upstream request, and an engine
 * that fails sends the request unchanged (counted in /stats).
 */
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.ts';
import { startProxyHarness, TEST_API_KEY, type ProxyHarness } from '../testkit/proxy/proxy-harness.ts';
import { loadRecordedSession, SRE_SESSION } from '../testkit/proxy/recorded-session.ts';

const OUTPUT = loadRecordedSession(SRE_SESSION).toolOutputs[8]!;
const ANTHROPIC_HEADERS = {
  'content-type': 'application/json',
  'x-api-key': TEST_API_KEY,
  'anthropic-version': '2023-06-01',
};

/** A body with the real output as its newest tool result. */
function anthropicBody(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    model: 'claude-mock',
    max_tokens: 100,
    ...extra,
    messages: [
      { role: 'user', content: 'why?' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'bash', input: { command: 'npm test' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: OUTPUT }] },
    ],
  });
}

let harness: ProxyHarness;
beforeAll(async () => {
  harness = await startProxyHarness({ proxy: { maxBodyBytes: 64 * 1024 } });
});
afterAll(() => harness.close());

describe('bad input', () => {
  it('answers malformed JSON with a 400 in Anthropic shape, naming the problem', async () => {
    const before = harness.mock.requests.length;
    const response = await fetch(`${harness.running.url}/v1/messages`, {
      method: 'POST',
      headers: ANTHROPIC_HEADERS,
      body: '{"model": "x", "messages": [',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/^terse proxy: request field \(body\): not JSON/);
    expect(harness.mock.requests.length).toBe(before);
  });

  it('answers a body without messages with a 400 the OpenAI SDK reads as BadRequestError', async () => {
    const error = await harness
      .openai()
      .chat.completions.create({ model: 'gpt-mock' } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toContain(
      'request field messages: missing or not an array',
    );
  });

  it('refuses a body over the size limit with a 413 in the provider shape, before reading it whole', async () => {
    const before = harness.mock.requests.length;
    const response = await fetch(`${harness.running.url}/v1/messages`, {
      method: 'POST',
      headers: ANTHROPIC_HEADERS,
      body: anthropicBody({ padding: 'x'.repeat(70 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('request_too_large');
    expect(harness.mock.requests.length).toBe(before);
  });
});

describe('upstream faults', () => {
  it('passes an upstream error through verbatim: status, headers and body', async () => {
    const errorBody = '{"type":"error","error":{"type":"rate_limit_error","message":"slow down \\u00e9"}}';
    harness.mock.respond(() => ({
      kind: 'raw',
      status: 429,
      headers: { 'retry-after': '7', 'request-id': 'req_upstream' },
      body: errorBody,
    }));
    const response = await fetch(`${harness.running.url}/v1/messages`, {
      method: 'POST',
      headers: { ...ANTHROPIC_HEADERS, 'x-terse-session': 'faults-429' },
      body: anthropicBody(),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('request-id')).toBe('req_upstream');
    expect(await response.text()).toBe(errorBody);
    const sdkError = await harness
      .anthropic()
      .messages.create(JSON.parse(anthropicBody()) as Anthropic.MessageCreateParamsNonStreaming)
      .catch((caught: unknown) => caught);
    expect(sdkError).toBeInstanceOf(Anthropic.RateLimitError);
    harness.mock.respond(() => ({ kind: 'turn', text: 'ok' }));
  });

  it('answers 502 in the provider shape when upstream cannot be reached', async () => {
    const unreachable = await startProxyHarness({ proxy: { openaiUpstream: 'http://127.0.0.1:1' } });
    try {
      const error = await unreachable
        .openai()
        .chat.completions.create({ model: 'gpt-mock', messages: [{ role: 'user', content: 'hi' }] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
      expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain('cannot reach http://127.0.0.1:1');
      expect(unreachable.proxy.stats.upstreamErrors).toBe(1);
    } finally {
      await unreachable.close();
    }
  });

  for (const stream of [true, false]) {
    it(`aborts the upstream request when the client goes away (${stream ? 'streamed, after the first event arrived' : 'while waiting'})`, async () => {
      harness.mock.respond(() => ({ kind: 'hang' }));
      const abortsBefore = harness.proxy.stats.clientAborts;
      const controller = new AbortController();
      const arrived = harness.mock.nextRequest();
      const sent = fetch(`${harness.running.url}/v1/messages`, {
        method: 'POST',
        headers: { ...ANTHROPIC_HEADERS, 'x-terse-session': `faults-abort-${stream}` },
        body: anthropicBody({ stream }),
        signal: controller.signal,
      }).catch((caught: unknown) => caught);
      // Only once upstream has the request does leaving abort something there.
      await arrived;
      if (stream) {
        // The first event is passed on while upstream is still open: nothing waits for the stream's end.
        const reader = ((await sent) as Response).body!.getReader();
        const first = await reader.read();
        expect(new TextDecoder().decode(first.value)).toContain('message_start');
      }
      controller.abort();
      const closed = await harness.mock.nextEarlyClose();
      expect(closed.json?.stream).toBe(stream);
      expect(harness.proxy.stats.clientAborts).toBe(abortsBefore + 1);
      harness.mock.respond(() => ({ kind: 'turn', text: 'ok' }));
    });
  }
});

describe('fail open', () => {
  it('sends the request unchanged when the engine throws, and counts it in /stats', async () => {
    const broken = await startProxyHarness({
      alterSetup: (setup) => ({
        ...setup,
        retrieveTool: () => {
          throw new Error('tool definition missing');
        },
      }),
    });
    try {
      const source = anthropicBody();
      const response = await fetch(`${broken.running.url}/v1/messages`, {
        method: 'POST',
        headers: ANTHROPIC_HEADERS,
        body: source,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-terse-bypass')).toBe('engine-error');
      expect(broken.mock.requests.at(-1)!.body.equals(Buffer.from(source))).toBe(true);
      const stats = (await (await fetch(`${broken.running.url}/stats`)).json()) as { failures: { engine: number } };
      expect(stats.failures.engine).toBe(1);
      expect(broken.logs.join('\n')).toContain('tool definition missing');
    } finally {
      await broken.close();
    }
  });

  it('keeps sending a block that went unchanged after a failure unchanged in the next request of the session', async () => {
    let failures = 1;
    const flaky = await startProxyHarness({
      alterSetup: (setup) => ({
        ...setup,
        retrieveTool: (provider) => {
          if (failures-- > 0) throw new Error('once');
          return setup.retrieveTool(provider);
        },
      }),
    });
    try {
      const headers = { ...ANTHROPIC_HEADERS, 'x-terse-session': 'flaky' };
      const first = JSON.parse(anthropicBody()) as { messages: unknown[] };
      await fetch(`${flaky.running.url}/v1/messages`, { method: 'POST', headers, body: JSON.stringify(first) });
      const next = {
        ...first,
        messages: [...first.messages, { role: 'assistant', content: 'ok' }, { role: 'user', content: 'and now?' }],
      };
      await fetch(`${flaky.running.url}/v1/messages`, { method: 'POST', headers, body: JSON.stringify(next) });
      expect(flaky.mock.requests.at(-1)!.body.equals(Buffer.from(JSON.stringify(next)))).toBe(true);
    } finally {
      await flaky.close();
    }
  });

  it('still answers when counting tokens for its headers fails, without the counts', async () => {
    const broken = await startProxyHarness({
      alterSetup: (setup) => ({
        ...setup,
        ruler: {
          name: setup.ruler.name,
          count: () => {
            throw new Error('ruler crashed');
          },
        },
      }),
    });
    try {
      const response = await fetch(`${broken.running.url}/v1/messages`, {
        method: 'POST',
        headers: ANTHROPIC_HEADERS,
        body: anthropicBody(),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-terse-tokens-before')).toBeNull();
      expect(broken.logs.join('\n')).toContain('ruler crashed');
    } finally {
      await broken.close();
    }
  });

  it('sends a block unchanged when the store cannot keep its original, and counts the block', async () => {
    const failingPuts: Store = {
      put: () => Promise.reject(new Error('disk full')),
      get: () => Promise.resolve({ found: false, reason: 'unknown' }),
      has: () => Promise.resolve(false),
      close: () => Promise.resolve(),
    };
    const broken = await startProxyHarness({ engine: { store: failingPuts } });
    try {
      const source = anthropicBody();
      await fetch(`${broken.running.url}/v1/messages`, { method: 'POST', headers: ANTHROPIC_HEADERS, body: source });
      expect(broken.mock.requests.at(-1)!.body.equals(Buffer.from(source))).toBe(true);
      expect(broken.proxy.stats.blockFailures).toBe(1);
    } finally {
      await broken.close();
    }
  });
});
