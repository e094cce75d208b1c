/**
 * The `headroom` suite: seeded re-creations of the four workloads behind Headroom's published
 * table, plus the FATAL-at-67 needle, each with the probes written beside its data. Needs no files:
 * it runs the same on a fresh machine as on a developer's.
 */
import type { Probe } from '../../bench/probe.ts';
import type { SuiteContent } from '../../bench/suite.ts';
import type { Trace } from '../../bench/trace.ts';
import { buildCodeSearchTrace } from './code-search-workload.ts';
import { buildExplorationTrace } from './exploration-workload.ts';
import type { HeadroomWorkload } from './headroom-published.ts';
import { buildIssueTriageTrace } from './issue-triage-workload.ts';
import { buildNeedleTrace } from './needle-workload.ts';
import type { CallPlan } from './session-calls.ts';
import { buildSreTrace } from './sre-workload.ts';

type TraceBuilder = (seed: number, calls: CallPlan) => { trace: Trace; probes: Probe[] };

/** One builder per published workload: adding a workload without one fails to compile. */
export const HEADROOM_BUILDERS: Readonly<Record<HeadroomWorkload, TraceBuilder>> = {
  'code-search': buildCodeSearchTrace,
  sre: buildSreTrace,
  'issue-triage': buildIssueTriageTrace,
  exploration: buildExplorationTrace,
};

/** Options of buildHeadroomSuite; every field is optional. */
export interface HeadroomSuiteOptions {
  /** Seeds to generate each workload with. @default [0, 1, 2] */
  readonly seeds?: readonly number[];
  /** Where the agent calls the model (see CallPlan). @default 'every-turn' */
  readonly calls?: CallPlan;
  /** Add the FATAL-at-67 needle trace for each seed. @default true */
  readonly needle?: boolean;
}

const DEFAULTS: Required<HeadroomSuiteOptions> = { seeds: [0, 1, 2], calls: 'every-turn', needle: true };

/** Builds every headroom trace and its probes: workloads in table order, then the needles. */
export function buildHeadroomSuite(options: HeadroomSuiteOptions = {}): SuiteContent {
  const { seeds, calls, needle } = { ...DEFAULTS, ...options };
  const built: { trace: Trace; probes: Probe[] }[] = [];
  for (const build of Object.values(HEADROOM_BUILDERS)) for (const seed of seeds) built.push(build(seed, calls));
  if (needle) for (const seed of seeds) built.push(buildNeedleTrace(seed, calls));
  return { traces: built.map((entry) => entry.trace), probes: built.flatMap((entry) => entry.probes) };
}
