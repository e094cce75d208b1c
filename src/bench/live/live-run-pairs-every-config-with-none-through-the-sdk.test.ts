import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../types.ts';
import { localTrace, mockOptions, runLiveReplay } from '../../testkit/live/live-replay.ts';
import { BUNDLED_PRICES, costOf, priceOf } from './model-prices.ts';
import { startMockModelServer, type MockModelServer } from '../../testkit/live/mock-model/mock-model-server.ts';

const TRACE = 'local-sre-node-runtime-failures';

/** The tool results a request carries after its question turn: what terse_retrieve returned to the model. */
function retrievedTexts(body: JsonObject): string[] {
  const messages = (body.messages ?? []) as JsonObject[];
  const asked = messages.findIndex(
    (m) => typeof m.content === 'string' && m.content.startsWith('Question about the session above'),
  );
  return messages
    .slice(asked + 1)
    .flatMap((m) => (Array.isArray(m.content) ? (m.content as JsonObject[]) : []))
    .filter((b) => b.type === 'tool_result')
    .map((b) => String(b.content));
}

describe.each([false, true])('a live run over the Anthropic SDK (stream %s)', (stream) => {
  let mock: MockModelServer;
  let run: Awaited<ReturnType<typeof runLiveReplay>>;
  let rawTrace: string;

  beforeAll(async () => {
    mock = await startMockModelServer();
    const { trace, probes } = await localTrace(TRACE);
    rawTrace = JSON.stringify(trace.events);
    run = await runLiveReplay([trace], probes, ['none', 'balanced'], mockOptions(mock, { stream }));
  });
  afterAll(() => mock.close());

  it('answers every probe under every config, each paired with the same probe under none', () => {
    const rows = run.live.probes;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.state === 'answered' && row.point === 'first')).toBe(true);
    const asked = (config: string): string[] =>
      rows
        .filter((row) => row.config === config)
        .map((row) => row.probe)
        .sort();
    expect(asked('balanced')).toEqual(asked('none'));
    expect(new Set(asked('none')).size).toBe(asked('none').length);
    expect(
      rows.every((row) => row.outcome !== null && row.provider === 'anthropic' && row.model === 'claude-haiku-4-5'),
    ).toBe(true);
  });

  it('executes terse_retrieve on the run store and answers from what it returned', () => {
    const none = run.live.probes.filter((row) => row.config === 'none');
    expect(none.every((row) => row.retrieve_calls === 0 && row.model_calls === 1)).toBe(true);
    const retrieved = run.live.probes.filter(
      (row) => row.config === 'balanced' && row.retrieve_calls > 0 && row.outcome === 'correct',
    );
    expect(retrieved.length).toBeGreaterThan(0);
    const followUps = mock.requests.filter((request) => retrievedTexts(request.body).length > 0);
    expect(followUps.length).toBeGreaterThan(0);
    let checked = 0;
    for (const request of followUps) {
      for (const text of retrievedTexts(request.body)) {
        expect(text).not.toMatch(/^terse_retrieve:/);
        // What came back is the original's: every returned line (less its number) is in the raw trace.
        for (const line of text.split('\n').filter((l) => /^\d+: \S/.test(l))) {
          expect(rawTrace).toContain(JSON.stringify(line.replace(/^\d+: /, '')).slice(1, -1));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    // The model's correct answer is a line a retrieval returned.
    const returned = followUps.flatMap((request) => retrievedTexts(request.body)).join('\n');
    expect(retrieved.some((row) => returned.includes((row.answer ?? '').replace(/^\d+: /, '')))).toBe(true);
  });

  it('counts tokens and dollars from the usage of every response', () => {
    const price = priceOf(BUNDLED_PRICES, 'claude-haiku-4-5');
    for (const row of run.live.probes) {
      expect(row.input_tokens).toBeGreaterThan(0);
      const usage = {
        input: row.input_tokens,
        output: row.output_tokens,
        cacheRead: row.cache_read_tokens,
        cacheWrite: row.cache_write_tokens,
      };
      expect(row.cost_usd).toBeCloseTo(costOf(usage, price!), 12);
    }
    expect(run.live.run.spent_usd).toBeGreaterThan(0);
  });

  it('sends each distinct request once, in the asked transport', () => {
    const keys = mock.requests.map((request) => request.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(mock.requests.every((request) => request.served === 'answered' && request.stream === stream)).toBe(true);
  });
});

describe('a live run with --live-last', () => {
  it("also answers every probe on the session's last request, sending a request both points share once", async () => {
    const mock = await startMockModelServer();
    try {
      // One of this session's probes first needs its evidence on the last request.
      const { trace, probes } = await localTrace('local-code-search-grammar-rules');
      const run = await runLiveReplay([trace], probes, ['none'], mockOptions(mock, { points: ['first', 'last'] }));
      const at = (point: string): string[] =>
        run.live.probes
          .filter((row) => row.point === point)
          .map((row) => row.probe)
          .sort();
      expect(at('last')).toEqual(at('first'));
      expect(at('first')).toHaveLength(probes.length);
      expect(run.live.probes.every((row) => row.state === 'answered')).toBe(true);
      // Where a probe's evidence arrives in the last request, both points ask the same bytes: one send serves both.
      const lastIndex = Math.max(...run.live.probes.map((row) => row.request_index));
      const shared = run.live.probes.filter((row) => row.point === 'first' && row.request_index === lastIndex);
      const keys = mock.requests.map((request) => request.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(run.live.probes.reduce((n, row) => n + row.model_calls - row.cached_calls, 0)).toBeLessThanOrEqual(
        keys.length,
      );
      expect(shared).toHaveLength(1);
      const twin = run.live.probes.find((row) => row.point === 'last' && row.probe === shared[0]?.probe);
      expect((shared[0]?.cached_calls ?? 0) + (twin?.cached_calls ?? 0)).toBe(twin?.model_calls);
    } finally {
      await mock.close();
    }
  });
});
