/** The mini-swe-agent part of the corpus suite: real trajectories, probes derived from their outputs. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadTrace } from '../../bench/importers/load-session.ts';
import type { Probe, ProbeKind } from '../../bench/probe.ts';
import type { SuiteContent } from '../../bench/suite.ts';
import type { Trace } from '../../bench/trace.ts';
import {
  positionOf,
  spreadDrafts,
  toProbes,
  TRACE_POSITIONS,
  type ProbeDraft,
} from '../../bench/derive/probe-drafts.ts';
import { traceText } from '../../bench/trace-text.ts';
import { negativeCandidates, outputCandidates } from '../../bench/derive/output-candidates.ts';
import { toolOutputs } from '../../bench/derive/tool-outputs.ts';
import { trajectoryWorkloads } from './trajectory-workloads.ts';

/** Kinds every corpus trace must have a probe of. */
export const REQUIRED_KINDS: readonly ProbeKind[] = ['exact', 'locate', 'causal', 'negative'];

/** Probes of one imported trajectory: at most one per kind and third of the session. */
export function trajectoryDrafts(trace: Trace): ProbeDraft[] {
  const outputs = toolOutputs(trace);
  // The negatives only make a session count as covered: screening replaces them with near misses.
  const candidates = [...outputCandidates(outputs), ...negativeCandidates(outputs)];
  return spreadDrafts(traceText(trace), candidates, { count: 2, negative: 2 });
}

/** True when the drafts hold every required kind and evidence in every third of the session. */
export function coversSession(trace: Trace, drafts: readonly ProbeDraft[]): boolean {
  const sent = traceText(trace).sentMessages;
  const kinds = new Set(drafts.map((d) => d.kind));
  const positions = new Set(drafts.map((d) => positionOf(d.turn, sent)));
  return REQUIRED_KINDS.every((k) => kinds.has(k)) && TRACE_POSITIONS.every((p) => positions.has(p));
}

/** Every trajectory SOURCE.md assigns a workload, imported, with its probes. */
export async function buildTrajectorySuite(
  folder: string,
): Promise<SuiteContent & { readonly dropped: readonly string[] }> {
  const workloads = trajectoryWorkloads(await readFile(path.join(folder, 'SOURCE.md'), 'utf8'));
  const traces: Trace[] = [];
  const probes: Probe[] = [];
  const dropped: string[] = [];
  for (const [id, workload] of workloads) {
    const trace = await loadTrace(path.join(folder, 'trajs', `${id}.traj.json`), { workload });
    const drafts = trajectoryDrafts(trace);
    if (!coversSession(trace, drafts)) {
      dropped.push(id);
      continue;
    }
    traces.push(trace);
    probes.push(...toProbes(trace.header.id, drafts));
  }
  return { traces, probes, dropped };
}
