/**
 * Which workload each mini-swe-agent trajectory belongs to, read from the lists in the folder's
 * SOURCE.md (code search -> `code-search`; exploration and test-run/traceback runs -> `exploration`).
 */
import type { Workload } from '../../bench/trace.ts';

/** SOURCE.md list headings and the workload their trajectories replay as. */
const LIST_WORKLOADS: readonly { readonly heading: RegExp; readonly workload: Workload }[] = [
  { heading: /^code search\b/, workload: 'code-search' },
  { heading: /^codebase exploration\b/, workload: 'exploration' },
  { heading: /^test runs and tracebacks\b/, workload: 'exploration' },
];

const LIST_ITEM = /^\s*-\s+(.+?):\s+(.+)$/;
const INSTANCE_ID = /[A-Za-z0-9_.-]+__[A-Za-z0-9_.-]+-\d+/g;

/** Instance id -> workload, in the order SOURCE.md lists them. */
export function trajectoryWorkloads(sourceMd: string): Map<string, Workload> {
  const byId = new Map<string, Workload>();
  for (const line of sourceMd.split('\n')) {
    const item = LIST_ITEM.exec(line);
    if (item === null) continue;
    const heading = (item[1] ?? '').trim();
    const listed = LIST_WORKLOADS.find((l) => l.heading.test(heading));
    if (listed === undefined) continue;
    for (const id of (item[2] ?? '').matchAll(INSTANCE_ID)) if (!byId.has(id[0])) byId.set(id[0], listed.workload);
  }
  return byId;
}
