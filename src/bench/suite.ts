/** A workload suite: traces with their probes, as the bench replays them. */
import type { Probe } from './probe.ts';
import type { ProbeScreening } from './probe-screening.ts';
import type { Trace } from './trace.ts';

/** What a suite's builder hands the bench. */
export interface SuiteContent {
  readonly traces: readonly Trace[];
  readonly probes: readonly Probe[];
}

/** The result of building a suite: its content, or why it is not available on this machine. */
export type SuiteBuild =
  | ({ readonly state: 'ready'; readonly screening?: ProbeScreening } & SuiteContent)
  | { readonly state: 'skipped'; readonly reason: string };
