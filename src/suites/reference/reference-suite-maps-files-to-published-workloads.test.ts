import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { buildReferenceSuite } from './build-reference-suite.ts';

const present = existsSync(path.join(environment.sharedDir, 'reference', 'headroom-workloads'));

describe('reference suite', () => {
  it.skipIf(!present)('loads the ten published inputs under their workloads, one request each', async () => {
    const build = await buildReferenceSuite(environment.sharedDir);
    if (build.state !== 'ready') throw new Error(build.reason);
    const byWorkload = new Map<string, number>();
    for (const trace of build.traces)
      byWorkload.set(trace.header.workload, (byWorkload.get(trace.header.workload) ?? 0) + 1);
    expect(Object.fromEntries(byWorkload)).toEqual({ 'code-search': 1, exploration: 3, 'issue-triage': 3, sre: 3 });
    for (const trace of build.traces) expect(trace.events.filter((e) => e.type === 'call')).toHaveLength(1);
  });

  it('is skipped with a one-line reason when the shared folder is absent', async () => {
    const build = await buildReferenceSuite('/nonexistent-shared');
    expect(build.state).toBe('skipped');
    if (build.state === 'skipped') expect(build.reason).not.toContain('\n');
  });
});
