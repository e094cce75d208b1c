/**
 * The `corpus` suite (WORKLOADS.md section 3): real public agent sessions, logs and issues from
 * `<shared>/corpus`, turned into traces at run time and probed by code. Nothing is copied into
 * the project; without the folder the suite is skipped.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SuiteBuild } from '../../bench/suite.ts';
import { buildIssueTriageSuite } from './issue-triage-suite.ts';
import { buildSreSuite } from './sre-suite.ts';
import { buildTrajectorySuite } from './trajectory-suite.ts';

/** Folders of `<shared>/corpus` the suite reads. */
const NEEDED = ['mini-swe-agent-trajs', 'loghub', 'nab-metrics', 'swebench-issues'];

/** Builds every corpus trace with its probes, or says in one line why it cannot. */
export async function buildCorpusSuite(sharedDir: string): Promise<SuiteBuild> {
  const corpusDir = path.join(sharedDir, 'corpus');
  const missing = NEEDED.filter((name) => !existsSync(path.join(corpusDir, name)));
  if (missing.length > 0)
    return {
      state: 'skipped',
      reason: `corpus suite needs ${path.join(corpusDir, missing[0] ?? '')} (set TERSE_SHARED_DIR to the shared folder)`,
    };
  const trajectories = await buildTrajectorySuite(path.join(corpusDir, 'mini-swe-agent-trajs'));
  const sre = await buildSreSuite(corpusDir);
  const triage = await buildIssueTriageSuite(corpusDir);
  return {
    state: 'ready',
    traces: [...trajectories.traces, ...sre.traces, ...triage.traces],
    probes: [...trajectories.probes, ...sre.probes, ...triage.probes],
  };
}
