import { describe, expect, it } from 'vitest';
import { localSuite, specSuites } from '../../testkit/invariants/invariant-suites.ts';
import type { SuiteTrace } from '../run-replay.ts';
import { splitHeldOut } from './held-out-split.ts';

async function suiteTraces(): Promise<SuiteTrace[][]> {
  const suites = [await localSuite(), ...(await specSuites()).filter((suite) => suite.name === 'corpus')];
  return suites.flatMap(({ name, build }) =>
    build.state === 'ready' ? [build.traces.map((trace) => ({ suite: name, trace }))] : [],
  );
}

const ids = (items: readonly SuiteTrace[]): string[] => items.map(({ trace }) => trace.header.id);

describe('the held-out split of the real suites', () => {
  it('holds out about 30% of every workload, and never a whole workload', async () => {
    for (const traces of await suiteTraces()) {
      const split = splitHeldOut(traces);
      expect(split.tune.length + split.heldOut.length).toBe(traces.length);
      const workloads = new Set(traces.map(({ trace }) => trace.header.workload));
      for (const workload of workloads) {
        const all = traces.filter(({ trace }) => trace.header.workload === workload).length;
        const held = split.heldOut.filter(({ trace }) => trace.header.workload === workload).length;
        expect(held, workload).toBe(all < 2 ? 0 : Math.max(1, Math.round(all * 0.3)));
        expect(held, workload).toBeLessThan(all);
      }
    }
  });

  it('depends on the trace ids only: reversed input, same split, each side in the order given', async () => {
    for (const traces of await suiteTraces()) {
      const split = splitHeldOut(traces);
      const reversed = splitHeldOut([...traces].reverse());
      expect(ids(reversed.heldOut).sort()).toEqual(ids(split.heldOut).sort());
      expect(ids(split.heldOut)).toEqual(ids(traces).filter((id) => ids(split.heldOut).includes(id)));
    }
  });

  it('refuses a share outside (0, 0.5] and a suite where nothing can be held out', async () => {
    const [local = []] = await suiteTraces();
    expect(() => splitHeldOut(local, 0)).toThrow(/--held-out 0/);
    expect(() => splitHeldOut(local, 0.6)).toThrow(/at most 0.5/);
    const onePerWorkload = [...new Map(local.map((item) => [item.trace.header.workload, item])).values()];
    expect(() => splitHeldOut(onePerWorkload)).toThrow(/holds out no trace/);
  });
});
