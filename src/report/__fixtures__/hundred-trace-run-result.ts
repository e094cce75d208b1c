/**
 * A run of the size the bench reaches: 100 traces over every workload in two suites, three configs,
 * seeded figures (the same on every machine), so charts and pages are exercised at scale.
 */
import type { PairResult, ProbeRow, RequestRow, RunResult, TraceRow } from '../../bench/replay-rows.ts';
import type { ProbeOutcome } from '../../bench/probe.ts';
import { WORKLOADS } from '../../bench/trace.ts';
import { seededRandom } from '../seeded-random.ts';

const CONFIGS = ['none', 'json-minify', 'balanced'] as const;
const POSITIVE_OUTCOMES: readonly ProbeOutcome[] = ['survived', 'retrieved', 'lost'];
/** How much of the compressible part each config keeps, at best. */
const KEEPS: Readonly<Record<(typeof CONFIGS)[number], number>> = { none: 1, 'json-minify': 0.7, balanced: 0.35 };

function pair(trace: TraceRow, traceIndex: number, config: (typeof CONFIGS)[number]): PairResult {
  // The trace's shape draws from a source of its own, so `before` agrees across its configs.
  const shape = seededRandom(traceIndex + 1);
  const random = seededRandom((traceIndex + 1) * 31 + CONFIGS.indexOf(config));
  const requests: RequestRow[] = [];
  let before = 1500 + Math.floor(shape() * 3000);
  for (let index = 0; index < trace.requests; index++) {
    before += Math.floor(shape() * 9000);
    const compressible = Math.floor(before * (0.5 + shape() * 0.4));
    const kept = config === 'none' ? compressible : Math.floor(compressible * (KEEPS[config] + random() * 0.2));
    requests.push({
      trace: trace.trace, config, request_index: index, messages: 2 + index * 2,
      tokens_before: before, tokens_after: before - compressible + kept,
      compressible_before: compressible, compressible_after: kept,
      compress_ms: config === 'none' ? 0.05 + random() * 0.3 : 0.5 + random() * random() * 30,
      blocks_changed: config === 'none' ? 0 : 1, markers: config === 'balanced' ? 1 : 0,
      volatile_values: 0, volatile_examples: '', breakpoints: 0,
    });
  }
  const probes: ProbeRow[] = Array.from({ length: 3 }, (_, index) => {
    const outcome = config === 'none' ? 'survived' : POSITIVE_OUTCOMES[Math.floor(random() ** 3 * POSITIVE_OUTCOMES.length)] ?? 'survived';
    const calls = outcome === 'retrieved' ? 1 : 0;
    return {
      trace: trace.trace, config, probe: `p${index}`, kind: 'exact', live_only: false, point: 'first', request_index: trace.requests - 1,
      discriminating: true, ambiguous: false, outcome, retrieval_calls: calls, retrieval_tokens: calls * 900,
    };
  });
  return { state: 'ok', trace: trace.trace, config, requests, blocks: [], probes, cache: [] };
}

function hundredTraceRun(): RunResult {
  const traces: TraceRow[] = Array.from({ length: 100 }, (_, index) => {
    const workload = WORKLOADS[index % WORKLOADS.length] ?? 'other';
    return {
      trace: `${workload}-${String(index).padStart(3, '0')}`, workload, suite: index < 60 ? 'headroom' : 'local',
      provider: 'anthropic', source_format: 'claude-code', source_file: `traces/t${index}.jsonl`,
      messages: 20, requests: 2 + (index % 6),
    };
  });
  const pairs = traces.flatMap((trace, index) => CONFIGS.map((config) => pair(trace, index, config)));
  return {
    run: {
      id: '2026-11-25T160000Z-f00dcafe', started_at: '2026-11-25T16:00:00.000Z', git_sha: 'f00dcaf', node: 'v20.19.5',
      tokenizer: 'o200k_base', configs: [...CONFIGS], argv: 'terse bench --suite headroom --suite local',
    },
    configs: CONFIGS.map((name) => ({ name, role: name === 'none' ? 'baseline' : 'profile', description: `the ${name} config` })),
    screening: [],
    traces,
    pairs,
  };
}

/** 100 traces x 3 configs, 300 pairs. */
export const HUNDRED_TRACE_RUN: RunResult = hundredTraceRun();
