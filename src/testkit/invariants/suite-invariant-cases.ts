/**
 * The invariant cases every suite runs (test-only): each block through the default registry under
 * each profile, one `it` per invariant so a failure names the invariant and lists every culprit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../types.ts';
import { createEngine } from '../../engine/create-engine.ts';
import {
  checkBlockInvariants,
  INVARIANT_NAMES,
  type BlockCheck,
  type InvariantName,
} from './check-block-invariants.ts';
import type { NamedSuiteBuild } from './invariant-suites.ts';
import { everyKth, suiteBlocks, type SuiteBlock } from './suite-blocks.ts';

const PROFILES: readonly Profile[] = ['lossless', 'balanced', 'aggressive'];

const HOOK_TIMEOUT_MS = 600_000;

interface CheckedBlock {
  readonly block: SuiteBlock;
  readonly check: BlockCheck;
}

function where(entry: CheckedBlock): string {
  const { block, check } = entry;
  const outcome = check.outcome;
  const by =
    outcome === null
      ? 'threw'
      : outcome.state === 'compressed'
        ? `${outcome.kind}/${outcome.compressor}`
        : `${outcome.kind ?? '-'}/${outcome.state}`;
  return `${block.suite}/${block.trace} ${block.path} [${by}]`;
}

function violationsOf(results: readonly CheckedBlock[], invariant: InvariantName): string[] {
  return results.flatMap((entry) =>
    entry.check.violations.filter((v) => v.invariant === invariant).map((v) => `${where(entry)}: ${v.detail}`),
  );
}

/** Counts of what the engine did, for the run's log. */
function tally(results: readonly CheckedBlock[]): string {
  const counts = new Map<string, number>();
  for (const { check } of results) {
    const outcome = check.outcome;
    const key = outcome === null ? 'threw' : outcome.state === 'passed' ? `passed:${outcome.reason}` : outcome.state;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort()
    .map(([key, n]) => `${key}=${n}`)
    .join(' ');
}

/** Registers the invariant cases over the blocks of `load()`'s suites, every `sampleEvery`-th block of each. */
export function describeSuiteInvariants(load: () => Promise<readonly NamedSuiteBuild[]>, sampleEvery = 1): void {
  const blocks: SuiteBlock[] = [];
  const skipped: string[] = [];
  beforeAll(async () => {
    for (const { name, build } of await load()) {
      if (build.state === 'skipped') skipped.push(`${name}: ${build.reason}`);
      else blocks.push(...everyKth(suiteBlocks(name, build.traces), sampleEvery));
    }
    if (skipped.length > 0) console.info(`suites skipped: ${skipped.join('; ')}`);
  }, HOOK_TIMEOUT_MS);

  describe.each(PROFILES)('%s profile', (profile) => {
    const results: CheckedBlock[] = [];
    beforeAll(async () => {
      const setup = await createEngine({ profile });
      for (const block of blocks)
        results.push({ block, check: await checkBlockInvariants(block.text, setup, block.conversation) });
      await setup.store.close();
      console.info(`${profile}: ${results.length} blocks: ${tally(results)}`);
    }, HOOK_TIMEOUT_MS);

    it('checks at least one block', (context) => {
      if (blocks.length === 0 && skipped.length > 0) context.skip();
      expect(results.length).toBeGreaterThan(0);
    });

    it.each(INVARIANT_NAMES)('keeps %s on every checked block', (invariant) => {
      expect(violationsOf(results, invariant)).toEqual([]);
    });

    it('fails open on no real block (every failure counted and listed)', () => {
      const failures = results.flatMap((entry) => entry.check.failures.map((failure) => `${where(entry)}: ${failure}`));
      expect(failures).toEqual([]);
    });
  });
}
