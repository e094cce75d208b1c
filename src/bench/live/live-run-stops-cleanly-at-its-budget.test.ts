import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../report/write-report.ts';
import type { Summary } from '../../report/summary.ts';
import { localTrace, mockOptions, runLiveReplay } from '../../testkit/live/live-replay.ts';
import type { LiveOptions } from './live-options.ts';
import { startMockModelServer, type MockModelServer } from '../../testkit/live/mock-model/mock-model-server.ts';

const BUDGET_USD = 0.04;

describe('a live run with --budget-usd', () => {
  let mock: MockModelServer;
  let options: LiveOptions;
  let stopped: Awaited<ReturnType<typeof runLiveReplay>>;
  let sentWhileStopped: number;

  beforeAll(async () => {
    mock = await startMockModelServer();
    options = mockOptions(mock, { concurrency: 1, budgetUsd: BUDGET_USD });
    const { trace, probes } = await localTrace('local-sre-node-runtime-failures');
    stopped = await runLiveReplay([trace], probes, ['none', 'balanced'], options);
    sentWhileStopped = mock.requests.length;
  });
  afterAll(() => mock.close());

  it('stops sending once the next call could pass the budget, keeps what was answered and marks the rest not-run', () => {
    const rows = stopped.live.probes;
    const answered = rows.filter((row) => row.state === 'answered');
    const notRun = rows.filter((row) => row.state === 'not-run');
    expect(answered.length).toBeGreaterThan(0);
    expect(notRun.length).toBeGreaterThan(0);
    expect(answered.length + notRun.length).toBe(rows.length);
    expect(notRun.every((row) => row.outcome === null && row.answer === null)).toBe(true);
    expect(stopped.live.run.budget_stopped).toBe(true);
    expect(stopped.live.run.spent_usd).toBeGreaterThan(0);
    expect(stopped.live.run.spent_usd).toBeLessThanOrEqual(BUDGET_USD);
    // Every request the server saw was answered: nothing was cut off mid-flight.
    expect(mock.requests.every((request) => request.served === 'answered')).toBe(true);
  });

  it('reports the stop: the answered rows, the not-run ones, the budget reached', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'terse-live-budget-')), 'report');
    await writeReport(stopped, dir);
    const summary = JSON.parse(await readFile(path.join(dir, 'summary.json'), 'utf8')) as Summary;
    expect(summary.live?.run.budget_stopped).toBe(true);
    const counts = summary.live?.workloads ?? [];
    expect(counts.reduce((n, w) => n + w.not_run, 0)).toBe(
      stopped.live.probes.filter((row) => row.state === 'not-run').length,
    );
    expect(counts.reduce((n, w) => n + w.answered, 0)).toBe(
      stopped.live.probes.filter((row) => row.state === 'answered').length,
    );
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toMatch(/reached: the probes left were not run/);
  });

  it('answers the rest on a re-run with a larger budget, paying again for nothing it had', async () => {
    const answeredBefore = new Set(mock.requests.map((request) => request.key));
    const { trace, probes } = await localTrace('local-sre-node-runtime-failures');
    const resumed = await runLiveReplay([trace], probes, ['none', 'balanced'], { ...options, budgetUsd: 10 });
    expect(resumed.live.probes.every((row) => row.state === 'answered')).toBe(true);
    expect(mock.requests.slice(sentWhileStopped).filter((request) => answeredBefore.has(request.key))).toEqual([]);
    const before = new Map(stopped.live.probes.map((row) => [`${row.config} ${row.probe}`, row]));
    for (const row of resumed.live.probes) {
      if (before.get(`${row.config} ${row.probe}`)?.state === 'answered')
        expect(row.cached_calls).toBe(row.model_calls);
    }
    expect(resumed.live.run.spent_usd).toBeLessThan(resumed.live.probes.reduce((n, row) => n + (row.cost_usd ?? 0), 0));
  });
});
