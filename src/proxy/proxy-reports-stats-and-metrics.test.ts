import type Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxyHarness, type ProxyHarness } from '../testkit/proxy/proxy-harness.ts';
import { bodyBringing, loadRecordedSession, SRE_SESSION } from '../testkit/proxy/recorded-session.ts';

const session = loadRecordedSession(SRE_SESSION);

let harness: ProxyHarness;
beforeAll(async () => {
  harness = await startProxyHarness();
});
afterAll(() => harness.close());

describe('/healthz, /stats and /metrics', () => {
  it('count what a session went through: requests, tokens before and after, markers', async () => {
    const client = harness.anthropic({ 'x-terse-session': 'stats' });
    const body = bodyBringing(session, session.toolOutputs[8]!);
    const { response } = await client.messages
      .create(body as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .withResponse();
    const before = Number(response.headers.get('x-terse-tokens-before'));
    const after = Number(response.headers.get('x-terse-tokens-after'));

    expect(await (await fetch(`${harness.running.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const stats = (await (await fetch(`${harness.running.url}/stats`)).json()) as {
      requests: Record<string, number>;
      sessions: number;
      compressed_requests: number;
      markers: number;
      tokens: { before: number; after: number; saved: number };
      responses: Record<string, number>;
      engine_ms: { samples: number };
    };
    expect(stats.requests['anthropic-messages']).toBe(1);
    expect(stats.sessions).toBe(1);
    expect(stats.compressed_requests).toBe(1);
    expect(stats.markers).toBeGreaterThan(0);
    expect(stats.tokens).toEqual({
      before,
      after,
      saved: before - after,
      reduction: Number(((before - after) / before).toFixed(4)),
    });
    expect(stats.responses['2xx']).toBeGreaterThanOrEqual(2);
    expect(stats.engine_ms.samples).toBe(1);

    const metrics = await fetch(`${harness.running.url}/metrics`);
    expect(metrics.headers.get('content-type')).toBe('text/plain; version=0.0.4');
    const text = await metrics.text();
    expect(text).toContain(`terse_proxy_tokens_total{stage="before"} ${before}`);
    expect(text).toContain(`terse_proxy_tokens_total{stage="after"} ${after}`);
    expect(text).toContain('terse_proxy_requests_total{route="anthropic-messages"} 1');
    // Every sample line is `name{labels} number` under a HELP and TYPE line.
    for (const line of text.trimEnd().split('\n'))
      expect(line).toMatch(
        /^(# (HELP|TYPE) terse_proxy_\w+ .+|terse_proxy_\w+(\{\w+="[^"]*"\})? -?\d+(\.\d+)?(e[+-]?\d+)?)$/,
      );
  });
});
