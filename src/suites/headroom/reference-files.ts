/**
 * Where each generated trace's calibration target lives in `../shared/reference/headroom-workloads/`
 * (see its SOURCE.md). Only tests read these files; the generators never do.
 */
import type { HeadroomWorkload } from './headroom-published.ts';

/** The reference folder under the shared directory. */
export const REFERENCE_FOLDER = 'reference/headroom-workloads';

/** The reference request a workload's seed is sized against (code search has one for every seed). */
export function referenceFileFor(workload: HeadroomWorkload, seed: number): string {
  const files: Record<HeadroomWorkload, string> = {
    'code-search': 'code-search-100.json',
    sre: `sre-incident-debugging-seed${seed}.json`,
    'issue-triage': `github-issue-triage-seed${seed}.json`,
    exploration: `codebase-exploration-seed${seed}.json`,
  };
  return files[workload];
}
