/**
 * The `reference` suite: the exact request files behind Headroom's published table, replayed as they
 * are (never copied into the project). It has no probes: those requests come without answers, and the
 * seeded `headroom` suite, which writes its probes with its data, is where fidelity is measured.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadTrace } from '../../bench/importers/load-session.ts';
import type { SuiteBuild } from '../../bench/suite.ts';
import type { Trace, Workload } from '../../bench/trace.ts';

/** Which published workload each reference file is an input of, by its name. */
const WORKLOAD_OF_PREFIX: readonly (readonly [string, Workload])[] = [
  ['code-search-', 'code-search'],
  ['sre-incident-debugging-', 'sre'],
  ['github-issue-triage-', 'issue-triage'],
  ['codebase-exploration-', 'exploration'],
];

/** Loads every reference request of `<sharedDir>/reference/headroom-workloads`, or says why not. */
export async function buildReferenceSuite(sharedDir: string): Promise<SuiteBuild> {
  const dir = path.join(sharedDir, 'reference', 'headroom-workloads');
  if (!existsSync(dir))
    return { state: 'skipped', reason: `${dir} is absent (the published inputs live only beside the project)` };
  const traces: Trace[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const workload = WORKLOAD_OF_PREFIX.find(([prefix]) => name.startsWith(prefix))?.[1];
    if (workload !== undefined) traces.push(await loadTrace(path.join(dir, name), { workload }));
  }
  return { state: 'ready', traces, probes: [] };
}
