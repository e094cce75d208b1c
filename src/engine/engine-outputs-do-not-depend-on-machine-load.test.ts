import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { headroomSuite, localSuite, type NamedSuiteBuild } from '../testkit/invariants/invariant-suites.ts';
import { digestOf, outputFingerprints, type OutputFingerprint } from '../testkit/invariants/output-fingerprints.ts';
import type { CreateEngineOptions } from './create-engine.ts';

const TIMEOUT_MS = 300_000;
/** The headroom blocks run from 30k to 95k characters: the larger ones hit this, the others compress. */
const TIGHT_BUDGET_CHARS = 60_000;

let hogs: ChildProcess[] = [];

/** One child process spinning on every core: the machine as busy as it gets. */
async function startCpuHogs(): Promise<void> {
  hogs = Array.from({ length: os.availableParallelism() }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  await Promise.all(hogs.map((hog) => once(hog, 'spawn')));
}

async function stopCpuHogs(): Promise<void> {
  const exits = hogs.filter((hog) => hog.exitCode === null && hog.signalCode === null).map((hog) => once(hog, 'exit'));
  for (const hog of hogs) hog.kill('SIGKILL');
  await Promise.all(exits);
  hogs = [];
}

afterEach(stopCpuHogs);

/** The balanced fingerprints of `suites`, once with the machine as it is and once with every core spinning. */
async function idleAndBusy(
  suites: readonly NamedSuiteBuild[],
  options: CreateEngineOptions,
): Promise<{ idle: OutputFingerprint[]; busy: OutputFingerprint[] }> {
  const idle = await outputFingerprints('balanced', suites, options);
  await startCpuHogs();
  const busy = await outputFingerprints('balanced', suites, options);
  await stopCpuHogs();
  return { idle, busy };
}

const count = (fingerprints: readonly OutputFingerprint[], by: RegExp): number =>
  fingerprints.filter((f) => f.by !== null && by.test(f.by)).length;

describe('engine outputs do not depend on how busy the machine is', () => {
  it(
    'gives the same fingerprints for the headroom and local suites with every core spinning beside it',
    async () => {
      const suites = [headroomSuite(), await localSuite()];
      const { idle, busy } = await idleAndBusy(suites, {});
      expect(idle.length).toBeGreaterThan(100);
      expect(busy.map((f) => f.line)).toEqual(idle.map((f) => f.line));
      expect(digestOf(busy)).toBe(digestOf(idle));
    },
    TIMEOUT_MS,
  );

  it(
    'stops the same blocks at a tight work budget, idle or busy, and says so in their reason',
    async () => {
      const suites = [headroomSuite()];
      const { idle, busy } = await idleAndBusy(suites, { workBudgetChars: TIGHT_BUDGET_CHARS });
      expect(count(idle, /\/over-budget$/)).toBeGreaterThan(0);
      expect(count(idle, /\/(?!over-budget$|no-gain$|below-minimum$)/)).toBeGreaterThan(0);
      expect(busy.map((f) => f.line)).toEqual(idle.map((f) => f.line));
    },
    TIMEOUT_MS,
  );
});
