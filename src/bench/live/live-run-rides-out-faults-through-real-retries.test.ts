import { afterEach, describe, expect, it } from 'vitest';
import { buildHeadroomSuite } from '../../suites/headroom/build-headroom-suite.ts';
import { localTrace, mockOptions, runLiveReplay } from '../../testkit/live/live-replay.ts';
import {
  HANG,
  MALFORMED,
  OVERLOADED,
  RATE_LIMITED,
  SERVER_ERROR,
  times,
} from '../../testkit/live/mock-model/mock-faults.ts';
import { startMockModelServer, type MockModelServer } from '../../testkit/live/mock-model/mock-model-server.ts';

const servers: MockModelServer[] = [];
async function mockModel(): Promise<MockModelServer> {
  const server = await startMockModelServer();
  servers.push(server);
  return server;
}
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** The headroom SRE session: an OpenAI-form request, real shapes, checked probes. */
function openaiFormTrace() {
  const suite = buildHeadroomSuite({ seeds: [0], calls: 'final', needle: false });
  const trace = suite.traces.find((t) => t.header.workload === 'sre' && t.header.provider === 'openai');
  if (!trace) throw new Error('the headroom suite lost its OpenAI-form SRE trace');
  return { trace, probes: suite.probes.filter((p) => p.trace === trace.header.id) };
}

describe('a live run under faults', () => {
  it('ends a storm of 429s, 500s and 529s with every probe answered (the SDK retries, honouring retry-after-ms)', async () => {
    const mock = await mockModel();
    const storm = [...times(6, RATE_LIMITED), ...times(2, SERVER_ERROR), OVERLOADED];
    mock.fail(storm);
    const { trace, probes } = await localTrace('local-code-search-grammar-rules');
    const run = await runLiveReplay(
      [trace],
      probes,
      ['none', 'balanced'],
      mockOptions(mock, { concurrency: 4, maxRetries: storm.length + 1 }),
    );
    expect(run.live.probes.length).toBe(probes.length * 2);
    expect(run.live.probes.every((row) => row.state === 'answered')).toBe(true);
    const faulted = mock.requests.filter((request) => request.served !== 'answered');
    expect(faulted.map((request) => request.served).sort()).toEqual([...times(6, '429'), ...times(2, '500'), '529']);
    // Each faulted request came back as a retry of the same bytes, and was then answered once.
    const answered = mock.requests.filter((request) => request.served === 'answered');
    for (const request of faulted) expect(answered.filter((a) => a.key === request.key)).toHaveLength(1);
    expect(answered.some((request) => request.retry > 0)).toBe(true);
    expect(new Set(answered.map((request) => request.key)).size).toBe(answered.length);
  });

  it('retries a request the server leaves hanging once the per-attempt timeout passes', async () => {
    const mock = await mockModel();
    mock.fail([HANG]);
    const { trace, probes } = await localTrace('local-code-search-grammar-rules');
    const one = probes.filter((probe) => probe.kind === 'exact');
    const run = await runLiveReplay([trace], one, ['none'], mockOptions(mock, { concurrency: 1, timeoutMs: 2_000 }));
    expect(run.live.probes.every((row) => row.state === 'answered')).toBe(true);
    expect(mock.requests[0]?.served).toBe('hang');
    expect(mock.requests[1]?.key).toBe(mock.requests[0]?.key);
  });

  it('records a malformed response as errored, and the next run sends only that request again', async () => {
    const mock = await mockModel();
    mock.fail([MALFORMED]);
    const { trace, probes } = await localTrace('local-code-search-grammar-rules');
    const options = mockOptions(mock, { concurrency: 1 });
    const first = await runLiveReplay([trace], probes, ['none'], options);
    const errored = first.live.probes.filter((row) => row.state === 'errored');
    expect(errored).toHaveLength(1);
    expect(errored[0]?.error).toMatch(/anthropic response: malformed response/);
    expect(first.live.probes.filter((row) => row.state === 'answered')).toHaveLength(probes.length - 1);
    const sentBefore = mock.requests.length;
    const second = await runLiveReplay([trace], probes, ['none'], options);
    expect(second.live.probes.every((row) => row.state === 'answered')).toBe(true);
    const resent = mock.requests.slice(sentBefore);
    expect(resent[0]?.key).toBe(mock.requests[0]?.key);
    // Only the failed answer's calls go out again (its first call, then any it leads to); everything else comes from the cache.
    const answeredBefore = new Set(
      mock.requests
        .slice(0, sentBefore)
        .filter((r) => r.served === 'answered')
        .map((r) => r.key),
    );
    expect(resent.filter((request) => answeredBefore.has(request.key))).toEqual([]);
    const erroredRow = second.live.probes.find((row) => row.probe === errored[0]?.probe);
    expect(erroredRow?.cached_calls).toBe(0);
    expect(
      second.live.probes
        .filter((row) => row.probe !== errored[0]?.probe)
        .every((row) => row.cached_calls === row.model_calls),
    ).toBe(true);
  });
});

describe.each([false, true])('the OpenAI-compatible route through fetch (stream %s)', (stream) => {
  it('sends OpenAI-form traces as Chat Completions, runs terse_retrieve from tool calls, and rides out 429s', async () => {
    const mock = await mockModel();
    mock.fail(times(3, RATE_LIMITED));
    const { trace, probes } = openaiFormTrace();
    const run = await runLiveReplay([trace], probes, ['none', 'aggressive'], mockOptions(mock, { stream }));
    expect(run.live.probes.length).toBe(probes.length * 2);
    expect(
      run.live.probes.every(
        (row) => row.state === 'answered' && row.provider === 'openai' && row.model === 'gpt-4.1-mini',
      ),
    ).toBe(true);
    expect(mock.requests.filter((r) => r.served === '429')).toHaveLength(3);
    expect(mock.requests.every((r) => r.api === 'openai' && r.stream === stream)).toBe(true);
    const asked = (messages: { role: string; content?: unknown }[]): number =>
      messages.findIndex((m) => m.role === 'user' && String(m.content).startsWith('Question about'));
    const toolTurns = mock.requests.filter((r) => {
      const messages = r.body.messages as { role: string; content?: unknown }[];
      return messages.some((m, i) => m.role === 'tool' && i > asked(messages));
    });
    expect(toolTurns.length).toBeGreaterThan(0);
    expect(run.live.probes.some((row) => row.config === 'aggressive' && row.retrieve_calls > 0)).toBe(true);
  });

  it('with --provider openai, sends Anthropic-form traces there translated', async () => {
    const mock = await mockModel();
    const { trace, probes } = await localTrace('local-code-search-grammar-rules');
    const openai = { provider: 'openai' as const, model: 'local-model', baseUrl: mock.openaiBaseUrl, apiKey: null };
    const run = await runLiveReplay(
      [trace],
      probes,
      ['none', 'balanced'],
      mockOptions(mock, { stream, routes: { anthropic: openai, openai } }),
    );
    expect(
      run.live.probes.every(
        (row) => row.state === 'answered' && row.provider === 'openai' && row.model === 'local-model',
      ),
    ).toBe(true);
    expect(mock.requests.every((r) => r.api === 'openai')).toBe(true);
    // Retrieval works the same after translation, and answers come out as they do over the Anthropic API.
    expect(
      run.live.probes.some((row) => row.config === 'balanced' && row.retrieve_calls > 0 && row.outcome === 'correct'),
    ).toBe(true);
    expect(run.live.probes.filter((row) => row.outcome === 'correct').length).toBeGreaterThan(0);
  });
});
