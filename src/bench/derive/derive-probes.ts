/**
 * Probes for a session nobody wrote probes for: derived by code from its tool outputs (a grep hit's
 * `path:line`, a definition line and the file that holds it, the error a command ended with, the
 * size of a search result), spread over the session, then screened like a suite's (only
 * discriminating probes, near misses for negatives). What `terse replay` scores when given no probes.
 */
import type { Probe } from '../probe.ts';
import { screenProbes, type ProbeScreening } from '../probe-screening.ts';
import type { Trace } from '../trace.ts';
import { traceText } from '../trace-text.ts';
import { outputCandidates } from './output-candidates.ts';
import { spreadDrafts, toProbes } from './probe-drafts.ts';
import { toolOutputs } from './tool-outputs.ts';

/** The unscreened probes code can derive from one trace. */
export function probeCandidatesOf(trace: Trace): Probe[] {
  return toProbes(trace.header.id, spreadDrafts(traceText(trace), outputCandidates(toolOutputs(trace)), { count: 2 }));
}

/** Derived and screened probes of `traces`, with what screening did (under the suite name `derived`). */
export function deriveProbes(traces: readonly Trace[]): { probes: Probe[]; screening: ProbeScreening } {
  return screenProbes('derived', traces, traces.flatMap(probeCandidatesOf));
}
