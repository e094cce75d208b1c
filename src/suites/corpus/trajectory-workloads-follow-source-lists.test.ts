import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { trajectoryWorkloads } from './trajectory-workloads.ts';

const sourceMd = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'SOURCE.md');

describe.skipIf(!existsSync(sourceMd))('trajectoryWorkloads over the real SOURCE.md', () => {
  it('assigns all 20 trajectories: the code-search list to code-search, the rest to exploration', () => {
    const workloads = trajectoryWorkloads(readFileSync(sourceMd, 'utf8'));
    expect(workloads.size).toBe(20);
    expect([...workloads.values()].filter((w) => w === 'code-search').length).toBe(8);
    expect(workloads.get('sphinx-doc__sphinx-9229')).toBe('code-search');
    expect(workloads.get('pylint-dev__pylint-8898')).toBe('exploration');
    for (const id of workloads.keys())
      expect(existsSync(path.join(path.dirname(sourceMd), 'trajs', `${id}.traj.json`)), id).toBe(true);
  });
});
