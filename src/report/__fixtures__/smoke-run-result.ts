/**
 * A RunResult shaped like a real smoke run: four traces in two suites, configs `none` and
 * `json-minify`, one errored pair, live-only probes, and blocks that were compressed, left or failed.
 */
import type { CacheRow, BlockRow, PairResult, ProbeRow, RequestRow, RunResult, TraceRow } from '../../bench/replay-rows.ts';

/** [tokens_before, tokens_after, compressible_before, compressible_after, compress_ms, blocks_changed, markers] */
type RequestFigures = readonly [number, number, number, number, number, number, number];

function requests(trace: string, config: string, figures: readonly RequestFigures[]): RequestRow[] {
  return figures.map(([before, after, compressibleBefore, compressibleAfter, ms, changed, markers], index) => ({
    trace,
    config,
    request_index: index,
    messages: 2 + index * 3,
    tokens_before: before,
    tokens_after: after,
    compressible_before: compressibleBefore,
    compressible_after: compressibleAfter,
    compress_ms: ms,
    blocks_changed: changed,
    markers,
    volatile_values: config === 'none' ? 0 : 1,
    volatile_examples: config === 'none' ? '' : 'date:2025-06-01',
    breakpoints: 0,
  }));
}

function block(trace: string, config: string, fields: Partial<BlockRow> & Pick<BlockRow, 'request_index' | 'message_index'>): BlockRow {
  return {
    trace,
    config,
    path: `messages.${fields.message_index}.content.0.content`,
    tool_name: 'Bash',
    command: 'rg',
    kind: 'json',
    compressor: null,
    outcome: 'unchanged',
    reason: 'no-gain',
    tokens_before: 1200,
    tokens_after: 1200,
    lossy: false,
    markers: 0,
    compress_ms: 0.4,
    ...fields,
  };
}

function cacheRow(trace: string, config: string, index: number, provider: 'anthropic' | 'openai', fields: Partial<CacheRow>): CacheRow {
  return {
    trace, config, request_index: index, provider, model: provider === 'anthropic' ? 'claude-sonnet-4-5' : 'gpt-4.1',
    cache_read_tokens: 0, cache_write_tokens: 0, uncached_tokens: 0, cache_bust: false, cost_usd: 0, cost_usd_without: 0, ...fields,
  };
}

function probe(trace: string, config: string, id: string, fields: Partial<ProbeRow> = {}): ProbeRow {
  return {
    trace, config, probe: id, kind: 'exact', live_only: false, point: 'first', request_index: 0, discriminating: true, ambiguous: false,
    outcome: 'survived', retrieval_calls: 0, retrieval_tokens: 0, ...fields,
  };
}

export const SMOKE_TRACES: readonly TraceRow[] = [
  { trace: 'cs-ripgrep-auth', workload: 'code-search', suite: 'smoke', provider: 'anthropic', source_format: 'claude-code', source_file: 'traces/smoke/cs-ripgrep-auth.jsonl', messages: 14, requests: 4 },
  { trace: 'cs-find-handler', workload: 'code-search', suite: 'smoke', provider: 'openai', source_format: 'mini-swe-agent', source_file: 'traces/smoke/cs-find-handler.traj.json', messages: 9, requests: 3 },
  { trace: 'sre-oom-kill', workload: 'sre', suite: 'smoke', provider: 'anthropic', source_format: 'trace-v1', source_file: 'traces/smoke/sre-oom-kill.jsonl', messages: 11, requests: 3 },
  { trace: 'triage-flaky-test', workload: 'issue-triage', suite: 'swe', provider: 'anthropic', source_format: 'swe-agent', source_file: 'traces/swe/triage-flaky-test.traj', messages: 7, requests: 2 },
];

const ripgrepProbes = (config: string, moved: boolean): ProbeRow[] => [
  probe('cs-ripgrep-auth', config, 'auth-file'),
  probe('cs-ripgrep-auth', config, 'match-line', { kind: 'locate', ...(moved ? { outcome: 'retrieved', retrieval_calls: 1, retrieval_tokens: 412 } : {}) }),
  probe('cs-ripgrep-auth', config, 'match-line', { kind: 'locate', point: 'last', request_index: 3, ...(moved ? { outcome: 'lost', retrieval_calls: 1, retrieval_tokens: 390 } : {}) }),
  probe('cs-ripgrep-auth', config, 'no-oauth', { kind: 'negative', outcome: 'clean' }),
  probe('cs-ripgrep-auth', config, 'task-named-file', { discriminating: false }),
  probe('cs-ripgrep-auth', config, 'why-401', { kind: 'causal', live_only: true, outcome: null }),
];

/** The pairs in replay order (not report order), so sorting is exercised. */
export const SMOKE_PAIRS: readonly PairResult[] = [
  {
    state: 'ok', trace: 'sre-oom-kill', config: 'none',
    requests: requests('sre-oom-kill', 'none', [[3100, 3100, 2200, 2200, 0.21, 0, 0], [7450, 7450, 6400, 6400, 0.35, 0, 0], [12080, 12080, 10900, 10900, 0.5, 0, 0]]),
    blocks: [block('sre-oom-kill', 'none', { request_index: 0, message_index: 1, kind: 'log', tool_name: 'kubectl' })],
    probes: [probe('sre-oom-kill', 'none', 'killed-pod'), probe('sre-oom-kill', 'none', 'restart-count', { kind: 'count', live_only: true, outcome: null })],
    cache: [],
  },
  { state: 'errored', trace: 'sre-oom-kill', config: 'json-minify', error: 'InvalidRequestError: request field messages[4].content: expected an array of blocks' },
  {
    state: 'ok', trace: 'cs-ripgrep-auth', config: 'json-minify',
    requests: requests('cs-ripgrep-auth', 'json-minify', [[2450, 2450, 1200, 1200, 2.5, 0, 0], [6890, 4310, 5330, 2750, 1.25, 1, 1], [11240, 6012, 9500, 4272, 4.75, 2, 1], [15120, 7733, 13000, 5613, 3.0, 1, 2]]),
    blocks: [
      block('cs-ripgrep-auth', 'json-minify', { request_index: 1, message_index: 4, compressor: 'json-minify', outcome: 'compressed', reason: null, tokens_before: 4130, tokens_after: 1550, compress_ms: 1.1 }),
      block('cs-ripgrep-auth', 'json-minify', { request_index: 2, message_index: 7, kind: 'search', tool_name: 'Grep', tokens_before: 1842, tokens_after: 1842, reason: 'not-json' }),
      block('cs-ripgrep-auth', 'json-minify', { request_index: 3, message_index: 10, outcome: 'failed', reason: 'deadline passed after 50 ms', tokens_before: 2301, tokens_after: 2301, compress_ms: 50.2 }),
    ],
    probes: ripgrepProbes('json-minify', true),
    cache: [
      cacheRow('cs-ripgrep-auth', 'json-minify', 0, 'anthropic', { uncached_tokens: 2450, cost_usd: 0.00735, cost_usd_without: 0.00735 }),
      cacheRow('cs-ripgrep-auth', 'json-minify', 0, 'openai', { uncached_tokens: 2450, cost_usd: 0.0049, cost_usd_without: 0.0049 }),
      cacheRow('cs-ripgrep-auth', 'json-minify', 1, 'openai', { cache_read_tokens: 2432, uncached_tokens: 1878, cache_bust: true, cost_usd: 0.004972, cost_usd_without: 0.009124 }),
    ],
  },
  {
    state: 'ok', trace: 'cs-ripgrep-auth', config: 'none',
    requests: requests('cs-ripgrep-auth', 'none', [[2450, 2450, 1200, 1200, 0.12, 0, 0], [6890, 6890, 5330, 5330, 0.2, 0, 0], [11240, 11240, 9500, 9500, 0.31, 0, 0], [15120, 15120, 13000, 13000, 0.4, 0, 0]]),
    blocks: [block('cs-ripgrep-auth', 'none', { request_index: 1, message_index: 4, tokens_before: 4130, tokens_after: 4130, reason: 'config passes everything' })],
    probes: ripgrepProbes('none', false),
    cache: [],
  },
  {
    state: 'ok', trace: 'cs-find-handler', config: 'none',
    requests: requests('cs-find-handler', 'none', [[1800, 1800, 640, 640, 0.1, 0, 0], [4020, 4020, 2700, 2700, 0.18, 0, 0], [6600, 6600, 5100, 5100, 0.22, 0, 0]]),
    blocks: [],
    probes: [probe('cs-find-handler', 'none', 'handler-path', { kind: 'locate' })],
    cache: [],
  },
  {
    state: 'ok', trace: 'cs-find-handler', config: 'json-minify',
    requests: requests('cs-find-handler', 'json-minify', [[1800, 1800, 640, 640, 0.9, 0, 0], [4020, 3105, 2700, 1785, 1.7, 1, 0], [6600, 4870, 5100, 3370, 2.2, 1, 0]]),
    blocks: [block('cs-find-handler', 'json-minify', { request_index: 1, message_index: 3, tool_name: null, compressor: 'json-minify', outcome: 'compressed', reason: null, tokens_before: 2060, tokens_after: 1145, compress_ms: 1.5 })],
    probes: [probe('cs-find-handler', 'json-minify', 'handler-path', { kind: 'locate', outcome: 'lost' }), probe('cs-find-handler', 'json-minify', 'no-express', { kind: 'negative', outcome: 'fabricated' })],
    cache: [],
  },
  {
    state: 'ok', trace: 'triage-flaky-test', config: 'json-minify',
    requests: requests('triage-flaky-test', 'json-minify', [[5210, 4377, 4100, 3267, 1.8, 1, 0], [9902, 8001, 8500, 6599, 2.6, 1, 0]]),
    blocks: [block('triage-flaky-test', 'json-minify', { request_index: 0, message_index: 2, compressor: 'json-minify', outcome: 'compressed', reason: null, tokens_before: 3100, tokens_after: 2267 })],
    probes: [probe('triage-flaky-test', 'json-minify', 'failing-test')],
    cache: [],
  },
  {
    state: 'ok', trace: 'triage-flaky-test', config: 'none',
    requests: requests('triage-flaky-test', 'none', [[5210, 5210, 4100, 4100, 0.3, 0, 0], [9902, 9902, 8500, 8500, 0.4, 0, 0]]),
    blocks: [],
    probes: [probe('triage-flaky-test', 'none', 'failing-test')],
    cache: [],
  },
];

/** The whole smoke run. */
export const SMOKE_RUN: RunResult = {
  run: {
    id: '2026-11-25T154023Z-a1b2c3d',
    started_at: '2026-11-25T15:40:23.123Z',
    git_sha: 'a1b2c3d',
    node: 'v20.19.5',
    tokenizer: 'o200k_base',
    configs: ['none', 'json-minify'],
    argv: 'terse bench --suite smoke --suite swe',
  },
  configs: [
    { name: 'none', role: 'baseline', description: 'identity: every block passes unchanged (the baseline)' },
    { name: 'json-minify', role: 'profile', description: 'JSON tool results re-serialised compactly (lossless: same values)' },
  ],
  screening: [{ suite: 'smoke', derived: 9, non_discriminating: 2, ambiguous: 1, negatives_replaced: 1, near_misses: 2, kept: 8 }],
  traces: SMOKE_TRACES,
  pairs: SMOKE_PAIRS,
};
