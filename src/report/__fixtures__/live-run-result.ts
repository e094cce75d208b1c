/**
 * The smoke run with a live model's answers on one trace: ten probes under `none` and `json-minify`,
 * json-minify losing six answers none gets right (McNemar p = 2/64), one answer model-graded, one
 * not run (budget) and one errored.
 */
import type { LiveProbeRow, LiveResult } from '../../bench/live/live-rows.ts';
import type { RunResult } from '../../bench/replay-rows.ts';
import { SMOKE_RUN } from './smoke-run-result.ts';

function row(config: string, index: number, fields: Partial<LiveProbeRow>): LiveProbeRow {
  return {
    trace: 'cs-ripgrep-auth', config, probe: `cs-ripgrep-auth/p${index}`, provider: 'anthropic', model: 'claude-haiku-4-5',
    kind: index === 3 ? 'count' : 'exact', live_only: false, point: 'first', request_index: 1,
    state: 'answered', outcome: 'correct', graded_by: 'match', model_grade: null, answer: 'src/auth/session.ts:42',
    retrieve_calls: 0, model_calls: 1, cached_calls: 0, input_tokens: 9_000, output_tokens: 20, cache_read_tokens: 0, cache_write_tokens: 0,
    cost_usd: 0.0091, grading_cost_usd: 0, error: null,
    ...fields,
  };
}

const probes: LiveProbeRow[] = [];
for (let i = 0; i < 10; i++) {
  probes.push(row('none', i, i === 9 ? { outcome: 'refused', answer: 'UNKNOWN' } : {}));
  if (i === 8) probes.push(row('json-minify', i, { state: 'not-run', outcome: null, graded_by: null, answer: null, model_calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 }));
  else if (i === 9) probes.push(row('json-minify', i, { state: 'errored', outcome: null, graded_by: null, answer: null, model_calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0, error: 'anthropic response: malformed response' }));
  else {
    const right = i < 2;
    probes.push(
      row('json-minify', i, {
        outcome: right ? 'correct' : 'wrong', retrieve_calls: 1, model_calls: 2, input_tokens: 4_000, cost_usd: 0.0041,
        ...(i === 1 ? { graded_by: 'model', model_grade: 'correct', kind: 'count', grading_cost_usd: 0.0003 } : {}),
      }),
    );
  }
}

export const LIVE_ANSWERS: LiveResult = {
  run: {
    routes: [{ form: 'anthropic', provider: 'anthropic', model: 'claude-haiku-4-5', base_url: 'http://127.0.0.1:9' }],
    max_rounds: 4, points: ['first'], budget_usd: 0.5, spent_usd: 0.1234567, budget_stopped: true,
    prices_as_of: '2025-11-24', prices_source: 'https://docs.claude.com/en/docs/about-claude/pricing',
  },
  probes,
};

export const LIVE_RUN: RunResult = { ...SMOKE_RUN, live: LIVE_ANSWERS };
