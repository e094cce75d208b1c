/** Runs a replay whose traces stream in (replay-streamed-pairs.ts) and gathers the rows of the run. */
import type { ReplayPlan, ReplayProgress } from './run-replay.ts';
import { runHead, traceRow } from './run-replay.ts';
import { replayStreamedPairs, type StreamedTrace } from './parallel/replay-streamed-pairs.ts';
import type { ProbeScreening } from './probe-screening.ts';
import type { RunResult, TraceRow } from './replay-rows.ts';

/** A replay plan whose traces, each with its probes, arrive one at a time. */
export interface StreamedReplayPlan extends Omit<ReplayPlan, 'traces' | 'probes' | 'screening' | 'onScoringPoint'> {
  readonly items: AsyncIterable<StreamedTrace>;
  /** What probe screening did, read once the stream has ended (derived probes are screened as they come). */
  readonly screening?: () => readonly ProbeScreening[];
}

/** Replays the stream; each trace is held only while its pairs replay. */
export async function runStreamedReplay(plan: StreamedReplayPlan, progress: ReplayProgress = {}): Promise<RunResult> {
  const startedAt = new Date();
  const traces: TraceRow[] = [];
  const described = new Map<string, string>();
  const pairs = await replayStreamedPairs(
    plan.items,
    { configs: plan.configs, tokenizer: plan.tokenizer, workers: plan.workers ?? 1 },
    (item) => traces.push(traceRow(item)),
    {
      ...progress,
      onDescribed: (config, said) => described.set(config, said),
    },
  );
  return { ...runHead(plan, startedAt, described), screening: plan.screening?.() ?? [], traces, pairs };
}
