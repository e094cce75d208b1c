/**
 * The retrieve loop, one set of cases that every wire implementation runs (Anthropic and OpenAI),
 * each through its real SDK, whole and streamed: the model's terse_retrieve calls are answered by the
 * proxy from the store and the client never sees the tool.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateContainerEnd } from '../engine/request/json-spans.ts';
import { findMarkers } from '../store/marker.ts';
import { NOT_AVAILABLE_ADVICE } from './answer-retrieve-calls.ts';
import type { MockReply, RecordedRequest } from '../testkit/proxy/mock-model-server.ts';
import { startProxyHarness, type ProxyHarness } from '../testkit/proxy/proxy-harness.ts';
import { loadRecordedSession, SRE_SESSION } from '../testkit/proxy/recorded-session.ts';
import { CLIENTS_UNDER_TEST } from '../testkit/proxy/sdk-clients-under-test.ts';

// 17 KB of real test-runner output that `balanced` cuts with markers.
const OUTPUT = loadRecordedSession(SRE_SESSION).toolOutputs[8]!;
const MAX_ROUNDS = 2;

let harness: ProxyHarness;
beforeAll(async () => {
  harness = await startProxyHarness({ proxy: { maxRetrieveRounds: MAX_ROUNDS } });
});
afterAll(() => harness.close());

/** The first marker ref in what the model was sent. */
function refIn(request: RecordedRequest): string {
  const [marker] = findMarkers(request.body.toString('utf8'));
  if (marker === undefined) throw new Error('the request carries no marker');
  return marker.ref;
}

const retrieveCall = (ref: string, id = 'call_retrieve_1') => ({ id, name: 'terse_retrieve', input: { ref } });

/** Requests the mock received since `from`. */
const since = (from: number): RecordedRequest[] => harness.mock.requests.slice(from);

describe.each(CLIENTS_UNDER_TEST)('retrieve loop through the $provider SDK', (client) => {
  for (const stream of [false, true]) {
    const how = stream ? 'streamed' : 'whole';

    it(`${how}: answers terse_retrieve with the exact original, continues upstream, and shows the client only the answer`, async () => {
      const from = harness.mock.requests.length;
      harness.mock.respond((request, index) =>
        index === from
          ? { kind: 'turn', text: 'Let me look. ', toolCalls: [retrieveCall(refIn(request))] }
          : { kind: 'turn', text: 'The failing test is listed.' },
      );
      const seen = await client.ask(harness, `${client.provider}-${how}-found`, OUTPUT, stream);
      expect(seen.text).toBe('Let me look. The failing test is listed.');
      expect(seen.toolNames).toEqual([]);
      expect(seen.stop === 'end_turn' || seen.stop === 'stop').toBe(true);
      expect(seen.outputTokens).toBe(56); // both rounds' output tokens
      const [first, second] = since(from);
      expect(since(from)).toHaveLength(2);
      // Originals are held under the session's scope (its key: the x-terse-session header here).
      const lookup = await harness.store.get(refIn(first!), `${client.provider}-${how}-found`);
      expect(lookup.found && client.toolResults(second!)).toEqual([lookup.found ? lookup.original : '']);
      // The continuation is the first request with messages appended: every earlier byte as sent.
      const firstText = first!.body.toString('utf8');
      const secondText = second!.body.toString('utf8');
      const messagesEnd = locateContainerEnd(firstText, ['messages'])!.at;
      expect(secondText.slice(0, messagesEnd)).toBe(firstText.slice(0, messagesEnd));
      expect(secondText.endsWith(firstText.slice(messagesEnd))).toBe(true);
      expect(harness.proxy.stats.retrieveRounds).toBeGreaterThan(0);
    });

    it(`${how}: answers an unknown ref with "not available: re-run the tool"`, async () => {
      const from = harness.mock.requests.length;
      harness.mock.respond((_request, index) =>
        index === from
          ? { kind: 'turn', toolCalls: [retrieveCall('0123456789abcdef')] }
          : { kind: 'turn', text: 'I will re-run it.' },
      );
      const seen = await client.ask(harness, `${client.provider}-${how}-unknown`, OUTPUT, stream);
      expect(seen.text).toBe('I will re-run it.');
      const answers = client.toolResults(since(from)[1]!);
      expect(answers).toHaveLength(1);
      expect(answers[0]).toContain('ref 0123456789abcdef is unknown');
      expect(answers[0]).toContain(NOT_AVAILABLE_ADVICE);
    });

    it(`${how}: stops after ${MAX_ROUNDS} continuations and ends the turn without the hidden call`, async () => {
      const from = harness.mock.requests.length;
      harness.mock.respond((request) => ({ kind: 'turn', text: 'again ', toolCalls: [retrieveCall(refIn(request))] }));
      const seen = await client.ask(harness, `${client.provider}-${how}-rounds`, OUTPUT, stream);
      expect(since(from)).toHaveLength(MAX_ROUNDS + 1);
      expect(seen.toolNames).toEqual([]);
      expect(seen.text).toBe('again '.repeat(MAX_ROUNDS + 1));
      expect(seen.stop === 'end_turn' || seen.stop === 'stop').toBe(true);
    });

    it(`${how}: hands calls to the client's own tools back, without the hidden one beside them`, async () => {
      const from = harness.mock.requests.length;
      const reply = (request: RecordedRequest): MockReply => ({
        kind: 'turn',
        toolCalls: [
          retrieveCall(refIn(request)),
          { id: 'call_bash_2', name: 'bash', input: { command: 'npm test -- --verbose' } },
        ],
      });
      harness.mock.respond(reply);
      const seen = await client.ask(harness, `${client.provider}-${how}-mixed`, OUTPUT, stream);
      expect(since(from)).toHaveLength(1);
      expect(seen.toolNames).toEqual(['bash']);
      expect(seen.stop === 'tool_use' || seen.stop === 'tool_calls').toBe(true);
    });
  }

  it('streamed: keeps multi-byte characters whole when upstream splits every byte into its own chunk', async () => {
    const from = harness.mock.requests.length;
    const text = 'Résumé: 日本語の出力 🚀🔥 — done ✅';
    harness.mock.chunkBytes = 1;
    harness.mock.respond((request, index) =>
      index === from ? { kind: 'turn', text: '→ ', toolCalls: [retrieveCall(refIn(request))] } : { kind: 'turn', text },
    );
    try {
      const seen = await client.ask(harness, `${client.provider}-utf8`, OUTPUT, true);
      expect(seen.text).toBe(`→ ${text}`);
    } finally {
      harness.mock.chunkBytes = 7;
    }
  });
});
