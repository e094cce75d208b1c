/** Two proxy replicas over one Redis: a marker written through one is answered through the other. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMarkers } from '../store/marker.ts';
import { redisServerMissingReason, startLocalRedis, type LocalRedis } from '../testkit/store/local-redis-server.ts';
import { openRedisStore } from '../store/redis-store.ts';
import { startMockModelServer, type MockModelServer } from '../testkit/proxy/mock-model-server.ts';
import { startProxyHarness, type ProxyHarness } from '../testkit/proxy/proxy-harness.ts';
import { loadRecordedSession, SRE_SESSION } from '../testkit/proxy/recorded-session.ts';
import { CLIENTS_UNDER_TEST } from '../testkit/proxy/sdk-clients-under-test.ts';

const missing = redisServerMissingReason();
const outputs = loadRecordedSession(SRE_SESSION).toolOutputs;
// Two different real outputs: what replica b compresses itself never holds replica a's original.
const OUTPUT_A = outputs[8]!;
const OUTPUT_B = outputs[6]!;
const anthropic = CLIENTS_UNDER_TEST.find((client) => client.provider === 'anthropic')!;

describe.skipIf(missing !== null)(
  `proxy replicas sharing a Redis store${missing === null ? '' : ` (skipped: ${missing})`}`,
  () => {
    let redis: LocalRedis;
    let mock: MockModelServer;
    let replicas: ProxyHarness[] = [];

    beforeAll(async () => {
      redis = await startLocalRedis();
      if (!redis.available) throw new Error(redis.reason);
      const url = redis.url;
      mock = await startMockModelServer();
      replicas = [
        await startProxyHarness({ mock, engine: { store: await openRedisStore(url, { prefix: 'replicas:' }) } }),
        await startProxyHarness({ mock, engine: { store: await openRedisStore(url, { prefix: 'replicas:' }) } }),
      ];
    });
    afterAll(async () => {
      for (const replica of replicas) await replica.close();
      await mock.close();
      if (redis.available) await redis.stop();
    });

    it('answers a retrieve through replica b for a marker replica a wrote in the same session, and no other session there', async () => {
      const [a, b] = replicas as [ProxyHarness, ProxyHarness];
      await anthropic.ask(a, 'replica-shared', OUTPUT_A, false);
      const [marker] = findMarkers(mock.requests.at(-1)!.body.toString('utf8'));
      expect(marker).toBeDefined();
      const answerThrough = async (session: string): Promise<string[]> => {
        const from = mock.requests.length;
        mock.respond((_request, index) =>
          index === from
            ? { kind: 'turn', toolCalls: [{ id: 'toolu_r', name: 'terse_retrieve', input: { ref: marker!.ref } }] }
            : { kind: 'turn', text: 'got it' },
        );
        // Replica b compresses another output (so it offers the tool) and is asked for a's ref.
        const seen = await anthropic.ask(b, session, OUTPUT_B, true);
        expect(seen.text).toBe('got it');
        expect(findMarkers(mock.requests[from]!.body.toString('utf8')).map((m) => m.ref)).not.toContain(marker!.ref);
        return anthropic.toolResults(mock.requests.at(-1)!);
      };
      // The session key scopes its originals (issue 18): the same session on another replica reads them.
      const lookup = await a.store.get(marker!.ref, 'replica-shared');
      expect(lookup.found).toBe(true);
      expect(await answerThrough('replica-shared')).toEqual([lookup.found ? lookup.original : '']);
      // Another session, on the same shared store, finds nothing under that ref.
      const [other] = await answerThrough('replica-other');
      expect(other).toContain(`ref ${marker!.ref} is unknown`);
    });
  },
);
