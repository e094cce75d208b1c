import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { LiveProbeRow } from '../bench/live/live-rows.ts';
import { LIVE_RUN } from './__fixtures__/live-run-result.ts';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { compareSummaries } from './compare-runs.ts';
import { renderComparison } from './render-comparison.ts';
import { summarize } from './summarize.ts';
import type { Summary } from './summary.ts';
import { writeReport } from './write-report.ts';

describe('the live section of a summary', () => {
  const summary = summarize(LIVE_RUN);
  const live = summary.live!;

  it('is absent from an offline run, so version 2 readers see what they saw', () => {
    expect('live' in summarize(SMOKE_RUN)).toBe(false);
    expect(summary.version).toBe(2);
  });

  it('counts answers per workload and config beside the offline figures of the same group', () => {
    const [none, minify] = live.workloads;
    expect(none).toMatchObject({
      suite: 'smoke',
      workload: 'code-search',
      config: 'none',
      point: 'first',
      traces: 1,
      probes: 10,
      answered: 10,
      correct: 9,
      refused: 1,
      accuracy: 0.9,
      cost_usd: 0.091,
      cost_per_trace_usd: 0.091,
    });
    expect(minify).toMatchObject({
      config: 'json-minify',
      probes: 10,
      answered: 8,
      not_run: 1,
      errored: 1,
      correct: 2,
      wrong: 6,
      model_graded: 1,
      accuracy: 0.25,
      retrieve_calls: 8,
      model_calls: 16,
    });
    expect(minify?.cost_usd).toBeCloseTo(8 * 0.0041 + 0.0003, 6);
    const offline = summary.workloads.find(
      (w) => w.suite === 'smoke' && w.workload === 'code-search' && w.config === 'json-minify',
    )!;
    expect(minify?.offline).toEqual({
      discriminating: offline.probes.discriminating,
      kept: offline.probes.survived + offline.probes.retrieved,
      effective_reduction: offline.effective_reduction,
    });
  });

  it('counts near misses apart: a config that refuses them all scores nothing more on the facts asked', () => {
    // Two near misses per config: none answers them wrong, json-minify refuses both (their right answer).
    const nearMiss = (config: string, i: number, outcome: 'correct' | 'wrong'): LiveProbeRow => ({
      ...(LIVE_RUN.live!.probes[0] as LiveProbeRow),
      config,
      probe: `cs-ripgrep-auth/near-miss-${i}`,
      kind: 'negative',
      outcome,
    });
    const run = {
      ...LIVE_RUN,
      live: {
        ...LIVE_RUN.live!,
        probes: [
          ...LIVE_RUN.live!.probes,
          ...[0, 1].flatMap((i) => [nearMiss('none', i, 'wrong'), nearMiss('json-minify', i, 'correct')]),
        ],
      },
    };
    const withNearMisses = summarize(run).live!;
    const minify = withNearMisses.workloads.find((w) => w.config === 'json-minify');
    expect(minify).toMatchObject({
      answered: 10,
      scored: 8,
      correct: 2,
      accuracy: 0.25,
      near_misses: 2,
      near_misses_rejected: 2,
    });
    expect(withNearMisses.workloads.find((w) => w.config === 'none')).toMatchObject({
      scored: 10,
      correct: 9,
      near_misses: 2,
      near_misses_rejected: 0,
    });
    // The pairing with none is on the facts asked: the same 8 pairs as without near misses.
    expect(withNearMisses.comparisons[0]).toMatchObject({ n: 8, both: 2, only_a: 6, only_b: 0 });
  });

  it('pairs each config with none on the probes both answered: exact McNemar, bootstrap intervals, a plain verdict', () => {
    expect(live.comparisons).toHaveLength(1);
    const [c] = live.comparisons;
    expect(c).toMatchObject({
      config: 'json-minify',
      baseline: 'none',
      n: 8,
      both: 2,
      only_a: 6,
      only_b: 0,
      neither: 0,
      mcnemar_p: 0.0313,
      verdict: 'fewer correct',
    });
    expect(c?.accuracy_delta.mean_delta).toBe(-0.75);
    expect(c?.accuracy_delta.ci95?.high).toBeLessThan(0);
    // json-minify's answers cost 0.0041 against none's 0.0091: 5 dollars less per 1,000 probes.
    expect(c?.cost_per_1k_delta?.mean_delta).toBeCloseTo(-5, 6);
  });

  it('says "statistically tied" when the discordant pairs are too few', () => {
    const tied = summarize({
      ...LIVE_RUN,
      live: {
        ...LIVE_RUN.live!,
        probes: LIVE_RUN.live!.probes.map((row) =>
          row.probe.endsWith('p7') || row.probe.endsWith('p6') || row.probe.endsWith('p5') || row.probe.endsWith('p4')
            ? { ...row, outcome: 'correct' as const }
            : row,
        ),
      },
    });
    expect(tied.live?.comparisons[0]).toMatchObject({
      only_a: 2,
      only_b: 0,
      mcnemar_p: 0.5,
      verdict: 'statistically tied',
    });
  });

  it('writes the live rows to results.duckdb and the tables, labelled model-graded, to summary.md and report.html', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'terse-live-report-')), 'report');
    await writeReport(LIVE_RUN, dir);
    const instance = await DuckDBInstance.create(path.join(dir, 'results.duckdb'), { access_mode: 'READ_ONLY' });
    try {
      const connection = await instance.connect();
      const rows = (
        await connection.runAndReadAll('SELECT state, count(*)::INTEGER AS n FROM live GROUP BY state ORDER BY state')
      ).getRowObjectsJS();
      expect(rows).toEqual([
        { state: 'answered', n: 18 },
        { state: 'errored', n: 1 },
        { state: 'not-run', n: 1 },
      ]);
      const run = (
        await connection.runAndReadAll('SELECT budget_stopped, max_rounds::INTEGER AS r FROM live_runs')
      ).getRowObjectsJS();
      expect(run).toEqual([{ budget_stopped: true, r: 4 }]);
      connection.closeSync();
    } finally {
      instance.closeSync();
    }
    const markdown = readFileSync(path.join(dir, 'summary.md'), 'utf8');
    expect(markdown).toContain('## Live answers (a model in the loop)');
    expect(markdown).toMatch(
      /\| smoke \| code-search \| json-minify \| .* \| 2 of 8 \| 25\.0% \| — \| 1 \| 6 \| 0 \| 1 \/ 1 \| 0\.80 \| \$0\.03 \|/,
    );
    expect(markdown).toMatch(
      /\| json-minify \| 8 \| 2 \/ 0 \/ 6 \/ 0 \| 0\.031 \| -75\.0 pt \(.* pt\) \| -\$5\.0000 \(.*\) \| fewer correct \|/,
    );
    expect(markdown).toContain('model-graded');
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Live answers (a model in the loop)');
    expect(html).toContain('<figure id="chart-live-accuracy">');
  });
});

describe('terse compare on two live runs', () => {
  it('pairs answers probe by probe and says which run got more right', () => {
    const a = summarize(LIVE_RUN);
    const better: Summary = summarize({
      ...LIVE_RUN,
      live: {
        ...LIVE_RUN.live!,
        probes: LIVE_RUN.live!.probes.map((row) =>
          row.state === 'answered' ? { ...row, outcome: 'correct' as const } : row,
        ),
      },
    });
    const comparison = compareSummaries(a, better);
    const minify = comparison.live?.find((d) => d.config === 'json-minify');
    expect(minify).toMatchObject({
      point: 'first',
      n: 8,
      both: 2,
      only_b: 6,
      only_a: 0,
      mcnemar_p: 0.0313,
      verdict: 'more correct in b',
    });
    expect(comparison.live?.find((d) => d.config === 'none')).toMatchObject({
      n: 10,
      only_b: 1,
      verdict: 'statistically tied',
    });
    expect(renderComparison(comparison)).toMatch(
      /\| json-minify \| first \| 8 \| 2 \/ 6 \/ 0 \/ 0 \| 0\.031 \| \+75\.00 pt \|/,
    );
  });

  it('leaves the live part out when either run was offline', () => {
    expect(compareSummaries(summarize(SMOKE_RUN), summarize(LIVE_RUN)).live).toBeNull();
  });
});
