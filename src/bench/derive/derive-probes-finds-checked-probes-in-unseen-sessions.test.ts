import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { loadTrace } from '../importers/load-session.ts';
import { checkProbes } from '../probe-check.ts';
import { probeCheckRows } from '../probe-screening.ts';
import type { Trace } from '../trace.ts';
import { deriveProbes } from './derive-probes.ts';

const SWE_AGENT = path.join(environment.sharedDir, 'corpus', 'swe-agent-trajs');
const LOCAL = path.join(environment.projectRoot, 'traces', 'local');

/** Every derived probe checks as a written one must, and discriminates at its first scoring point. */
function expectSound(traces: readonly Trace[]): void {
  const { probes, screening } = deriveProbes(traces);
  expect(
    checkProbes(
      probes.map((probe) => ({ probe, file: 'derived' })),
      traces,
    ),
  ).toEqual([]);
  for (const row of probeCheckRows(traces, probes))
    if (row.discriminating !== null) expect(row.discriminating).toBe(true);
  expect(screening.kept).toBe(probes.length);
  expect(screening.negatives_replaced).toBe(0);
  for (const negative of probes.filter((p) => p.kind === 'negative')) expect(negative.id).toMatch(/\/near-miss$/);
}

describe('probes derived for sessions nobody wrote probes for', () => {
  it("derives checked, discriminating probes from the local sessions' tool outputs (Anthropic tool_result blocks)", async () => {
    const files = readdirSync(LOCAL).filter((f) => f.endsWith('.jsonl') && !f.endsWith('.probes.jsonl'));
    const traces = await Promise.all(files.map((f) => loadTrace(path.join(LOCAL, f))));
    expectSound(traces);
    const { probes } = deriveProbes(traces);
    expect(new Set(probes.map((p) => p.trace)).size).toBeGreaterThan(traces.length / 2);
    expect(probes.some((p) => p.kind === 'exact' && /path:line/.test(p.question))).toBe(true);
  });

  it.skipIf(!existsSync(SWE_AGENT))(
    'derives checked probes from SWE-agent trajectories (OpenAI tool messages, `open` windows)',
    async () => {
      const files = readdirSync(SWE_AGENT).filter((f) => f.endsWith('.traj.json'));
      const traces = await Promise.all(files.map((f) => loadTrace(path.join(SWE_AGENT, f))));
      expectSound(traces);
      expect(deriveProbes(traces).probes.length).toBeGreaterThan(0);
    },
  );
});
