import { describe, expect, it } from 'vitest';
import { InvalidTraceError } from '../errors.ts';
import type { RunResult } from '../bench/replay-rows.ts';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { summarize } from './summarize.ts';

const summary = summarize(SMOKE_RUN);

function find(trace: string, config: string) {
  const pair = summary.results.find((row) => row.trace === trace && row.config === config);
  if (pair === undefined) throw new Error(`no result for ${trace} x ${config}`);
  return pair;
}

describe('summarize', () => {
  it('starts with version 2, the run context and its configs with their roles', () => {
    expect(Object.keys(summary)).toEqual([
      'version',
      'run',
      'configs',
      'probe_screening',
      'results',
      'workloads',
      'remaining',
      'errors',
    ]);
    expect(summary.probe_screening).toEqual([
      {
        suite: 'smoke',
        derived: 9,
        non_discriminating: 2,
        ambiguous: 1,
        negatives_replaced: 1,
        near_misses: 2,
        kept: 8,
      },
    ]);
    expect(summary.version).toBe(2);
    expect(summary.configs.map((c) => [c.name, c.role])).toEqual([
      ['none', 'baseline'],
      ['json-minify', 'profile'],
    ]);
    expect(summary.run).toEqual({
      id: '2026-11-25T154023Z-a1b2c3d',
      started_at: '2026-11-25T15:40:23.123Z',
      git_sha: 'a1b2c3d',
      node: 'v20.19.5',
      tokenizer: 'o200k_base',
    });
  });

  it("sums every ok pair's requests and recomputes its reduction to 4 decimals", () => {
    for (const pair of SMOKE_RUN.pairs) {
      if (pair.state !== 'ok') continue;
      const before = pair.requests.reduce((total, row) => total + row.tokens_before, 0);
      const after = pair.requests.reduce((total, row) => total + row.tokens_after, 0);
      const result = find(pair.trace, pair.config);
      expect(result.requests).toBe(pair.requests.length);
      expect(result.tokens_before).toBe(before);
      expect(result.tokens_after).toBe(after);
      expect(result.reduction).toBe(Math.round((1 - after / before) * 10_000) / 10_000);
      expect(result.compressible_before).toBe(pair.requests.reduce((total, row) => total + row.compressible_before, 0));
      expect(result.compressible_after).toBe(pair.requests.reduce((total, row) => total + row.compressible_after, 0));
    }
    expect(find('cs-ripgrep-auth', 'json-minify')).toMatchObject({
      tokens_before: 35_700,
      tokens_after: 20_505,
      reduction: 0.4256,
    });
    expect(find('cs-ripgrep-auth', 'none').reduction).toBe(0);
  });

  it('takes p50 and p95 of per-request compress_ms with simple-statistics quantile', () => {
    // Sorted 1.25, 2.5, 3.0, 4.75; linear interpolation (R type 7): p50 at index 1.5, p95 at index 2.85.
    expect(find('cs-ripgrep-auth', 'json-minify')).toMatchObject({ p50_ms: 2.75, p95_ms: 4.487 });
    // Sorted 0.21, 0.35, 0.5: p95 at index 1.9 = 0.35 + 0.9 * 0.15.
    expect(find('sre-oom-kill', 'none')).toMatchObject({ p50_ms: 0.35, p95_ms: 0.485 });
  });

  it('counts probes at their first scoring point, discriminating ones apart from negatives, live-only and the rest', () => {
    expect(find('cs-ripgrep-auth', 'json-minify').probes).toEqual({
      total: 5,
      discriminating: 2,
      survived: 1,
      retrieved: 1,
      lost: 0,
      fabricated: 0,
      live_only: 1,
      negative: 1,
      non_discriminating: 1,
    });
    expect(find('cs-find-handler', 'json-minify').probes).toEqual({
      total: 2,
      discriminating: 1,
      survived: 0,
      retrieved: 0,
      lost: 1,
      fabricated: 1,
      live_only: 0,
      negative: 1,
      non_discriminating: 0,
    });
  });

  it('counts the discriminating probes again at the session end, apart from the headline', () => {
    expect(find('cs-ripgrep-auth', 'json-minify').probes_at_end).toEqual({
      survived: 0,
      retrieved: 0,
      lost: 1,
      fabricated: 0,
    });
  });

  it('charges retrieval at the first scoring points and nets it out of the reduction', () => {
    const pair = find('cs-ripgrep-auth', 'json-minify');
    expect(pair).toMatchObject({ retrieval_calls: 1, retrieval_tokens: 412 });
    expect(pair.effective_reduction).toBe(Math.round((1 - (20_505 + 412) / 35_700) * 10_000) / 10_000);
    expect(find('cs-ripgrep-auth', 'none')).toMatchObject({
      retrieval_calls: 0,
      retrieval_tokens: 0,
      effective_reduction: 0,
    });
  });

  it('sorts results by suite, workload, trace, then config in run order', () => {
    expect(summary.results.map((row) => `${row.suite}/${row.workload}/${row.trace}/${row.config}`)).toEqual([
      'smoke/code-search/cs-find-handler/none',
      'smoke/code-search/cs-find-handler/json-minify',
      'smoke/code-search/cs-ripgrep-auth/none',
      'smoke/code-search/cs-ripgrep-auth/json-minify',
      'smoke/sre/sre-oom-kill/none',
      'swe/issue-triage/triage-flaky-test/none',
      'swe/issue-triage/triage-flaky-test/json-minify',
    ]);
  });

  it('adds pairs up per suite, workload and config', () => {
    expect(summary.workloads.map((row) => `${row.suite}/${row.workload}/${row.config}`)).toEqual([
      'smoke/code-search/none',
      'smoke/code-search/json-minify',
      'smoke/sre/none',
      'swe/issue-triage/none',
      'swe/issue-triage/json-minify',
    ]);
    const codeSearch = summary.workloads[1];
    expect(codeSearch).toMatchObject({ traces: 2, tokens_before: 35_700 + 12_420, tokens_after: 20_505 + 9_775 });
    expect(codeSearch?.reduction).toBe(Math.round((1 - 30_280 / 48_120) * 10_000) / 10_000);
    expect(codeSearch?.probes).toEqual({
      total: 7,
      discriminating: 3,
      survived: 1,
      retrieved: 1,
      lost: 1,
      fabricated: 1,
      live_only: 1,
      negative: 2,
      non_discriminating: 1,
    });
    expect(codeSearch).toMatchObject({ retrieval_calls: 1, retrieval_tokens: 412 });
    expect(codeSearch?.effective_reduction).toBe(Math.round((1 - (30_280 + 412) / 48_120) * 10_000) / 10_000);
    // The tool-output reduction: the compressible tokens of every request of both traces, and nothing else.
    const compressible = SMOKE_RUN.pairs.flatMap((pair) =>
      pair.state === 'ok' &&
      pair.config === codeSearch?.config &&
      SMOKE_RUN.traces.find((t) => t.trace === pair.trace)?.suite === codeSearch.suite &&
      SMOKE_RUN.traces.find((t) => t.trace === pair.trace)?.workload === codeSearch.workload
        ? pair.requests
        : [],
    );
    const before = compressible.reduce((n, row) => n + row.compressible_before, 0);
    const after = compressible.reduce((n, row) => n + row.compressible_after, 0);
    expect(before).toBeGreaterThan(after);
    expect(codeSearch?.tool_output_reduction).toBe(Math.round((1 - after / before) * 10_000) / 10_000);
  });

  it('adds block tokens up by kind and by command, per suite and config, each block once', () => {
    for (const row of summary.remaining) {
      const blocks = SMOKE_RUN.pairs
        .flatMap((pair) =>
          pair.state === 'ok' &&
          pair.config === row.config &&
          SMOKE_RUN.traces.find((t) => t.trace === pair.trace)?.suite === row.suite
            ? pair.blocks
            : [],
        )
        .filter((b) => (row.group === 'kind' ? b.kind : (b.command ?? 'unknown')) === row.name);
      expect(row.blocks).toBe(blocks.length);
      expect(row.tokens_before).toBe(blocks.reduce((n, b) => n + b.tokens_before, 0));
      expect(row.tokens_after).toBe(blocks.reduce((n, b) => n + b.tokens_after, 0));
    }
    expect(
      summary.remaining.find(
        (r) => r.suite === 'smoke' && r.config === 'json-minify' && r.group === 'command' && r.name === 'rg',
      ),
    ).toMatchObject({ blocks: 4 });
  });

  it("adds up each provider's cache use and cost, the saving against the client's own requests, and the busts", () => {
    expect(find('cs-ripgrep-auth', 'json-minify').cost).toEqual([
      {
        provider: 'anthropic',
        model: 'claude-sonnet-4-5',
        cost_usd: 0.00735,
        cost_usd_without: 0.00735,
        saving: 0,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        uncached_tokens: 2450,
        cache_busts: 0,
      },
      {
        provider: 'openai',
        model: 'gpt-4.1',
        cost_usd: 0.009872,
        cost_usd_without: 0.014024,
        saving: 0.2961,
        cache_read_tokens: 2432,
        cache_write_tokens: 0,
        uncached_tokens: 4328,
        cache_busts: 1,
      },
    ]);
    expect(find('cs-ripgrep-auth', 'none').cost).toEqual([]);
  });

  it('lists errored pairs under errors and nowhere else', () => {
    expect(summary.errors).toEqual([
      {
        trace: 'sre-oom-kill',
        config: 'json-minify',
        error: 'InvalidRequestError: request field messages[4].content: expected an array of blocks',
      },
    ]);
    expect(summary.results.some((row) => row.trace === 'sre-oom-kill' && row.config === 'json-minify')).toBe(false);
    expect(summary.workloads.some((row) => row.workload === 'sre' && row.config === 'json-minify')).toBe(false);
  });

  it('gives reduction 0 and percentiles 0 to a pair with no requests', () => {
    const empty: RunResult = {
      ...SMOKE_RUN,
      pairs: [{ state: 'ok', trace: 'sre-oom-kill', config: 'none', requests: [], blocks: [], probes: [], cache: [] }],
    };
    expect(summarize(empty).results[0]).toMatchObject({ tokens_before: 0, reduction: 0, p50_ms: 0, p95_ms: 0 });
  });

  it('names a replayed trace that the run does not list', () => {
    const orphan: RunResult = { ...SMOKE_RUN, traces: SMOKE_RUN.traces.filter((row) => row.trace !== 'sre-oom-kill') };
    expect(() => summarize(orphan)).toThrow(InvalidTraceError);
    expect(() => summarize(orphan)).toThrow(/sre-oom-kill/);
  });
});
