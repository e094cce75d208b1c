/**
 * The fidelity measure must be able to fail: replayed on every suite that has probes, the destructive
 * baselines lose discriminating probes and `balanced` does not. If this test passes with a reader that
 * knows the answers, or with scoring that counts an answer behind any marker, it is broken.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { summarize } from '../report/summarize.ts';
import type { WorkloadSummary } from '../report/summary.ts';
import { DESTRUCTIVE_BASELINES, resolveBenchConfig } from './bench-config.ts';
import { runReplay } from './run-replay.ts';
import { buildSuite } from '../suites/suite-builders.ts';
import { readSuiteSpecs } from './suite-spec.ts';

const SPECS = readSuiteSpecs(path.join(environment.projectRoot, 'workloads')).filter(
  (spec) => spec.name !== 'reference',
);
const CONFIGS = ['balanced', ...DESTRUCTIVE_BASELINES];

/** Probe figures of one config over a whole suite. */
function totals(rows: readonly WorkloadSummary[], config: string) {
  const of = rows.filter((row) => row.config === config);
  const add = (pick: (row: WorkloadSummary) => number): number => of.reduce((n, row) => n + pick(row), 0);
  return {
    discriminating: add((row) => row.probes.discriminating),
    lost: add((row) => row.probes.lost),
    lostAtEnd: add((row) => row.probes_at_end.lost),
    retrieved: add((row) => row.probes.retrieved),
  };
}

describe.each(SPECS.map((spec) => [spec.name, spec] as const))('fidelity on the %s suite', (name, spec) => {
  const needsShared = spec.builder.startsWith('shared-');
  it.skipIf(needsShared && !existsSync(environment.sharedDir))(
    'tells balanced from every destructive baseline',
    async () => {
      const build = await buildSuite(spec, { projectRoot: environment.projectRoot, sharedDir: environment.sharedDir });
      if (build.state !== 'ready') throw new Error(`suite ${name} skipped: ${build.reason}`);
      const result = await runReplay({
        traces: build.traces.map((trace) => ({ suite: name, trace })),
        probes: build.probes,
        configs: CONFIGS.map(resolveBenchConfig),
        tokenizer: 'o200k_base',
        argv: 'test',
        projectRoot: environment.projectRoot,
        gitShaOverride: 'test',
      });
      const summary = summarize(result);
      expect(summary.errors).toEqual([]);
      const balanced = totals(summary.workloads, 'balanced');
      expect(balanced.discriminating).toBeGreaterThan(20);
      // The target: at most 3% of the discriminating probes lost when first needed, and at the end.
      expect(balanced.lost / balanced.discriminating).toBeLessThanOrEqual(0.03);
      expect(balanced.lostAtEnd / balanced.discriminating).toBeLessThanOrEqual(0.03);
      const dropAll = totals(summary.workloads, 'drop-all');
      // Every original is stored behind drop-all's markers, yet a reader that sees only the question and
      // markers that say nothing cannot find most of them.
      expect(dropAll.lost / dropAll.discriminating).toBeGreaterThan(0.3);
      for (const baseline of DESTRUCTIVE_BASELINES) {
        const destructive = totals(summary.workloads, baseline);
        // A rolling window keeps the newest outputs whole: it loses what was needed once the window moved on.
        const [ours, theirs] =
          baseline === 'rolling-window'
            ? [balanced.lostAtEnd, destructive.lostAtEnd]
            : [balanced.lost, destructive.lost];
        expect(theirs, `${baseline} loses more than balanced`).toBeGreaterThan(ours);
      }
    },
  );
});
