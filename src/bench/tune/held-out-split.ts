/**
 * The split `terse tune` makes before it sweeps: held-out traces it never tunes on, which then confirm
 * (or not) the point chosen on the rest. Deterministic and documented (docs/tune.md): within each
 * (suite, workload), traces are ordered by the SHA-256 of their id and the first
 * round(n x share) are held out, at least one when the workload has two or more traces, none when it
 * has one. The split depends only on the trace ids and their workloads, never on their order, the
 * machine or the clock: the same suite always splits the same way.
 */
import { createHash } from 'node:crypto';
import { ConfigError } from '../../errors.ts';
import type { SuiteTrace } from '../run-replay.ts';

/** The traces to tune on and the traces held out, each in the order given. */
export interface HeldOutSplit {
  readonly tune: readonly SuiteTrace[];
  readonly heldOut: readonly SuiteTrace[];
}

/** The share of each workload's traces held out, unless `--held-out` says otherwise. */
export const DEFAULT_HELD_OUT_SHARE = 0.3;

function idHash(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Splits `traces` holding out about `share` of every workload; a split with nothing held out is a ConfigError. */
export function splitHeldOut(traces: readonly SuiteTrace[], share: number = DEFAULT_HELD_OUT_SHARE): HeldOutSplit {
  if (!(share > 0 && share <= 0.5))
    throw new ConfigError(`--held-out ${share}`, 'must be a share above 0 and at most 0.5');
  const groups = new Map<string, SuiteTrace[]>();
  for (const item of traces) {
    const key = JSON.stringify([item.suite, item.trace.header.workload]);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const held = new Set<SuiteTrace>();
  for (const group of groups.values()) {
    const count = group.length < 2 ? 0 : Math.max(1, Math.round(group.length * share));
    const ordered = [...group].sort((a, b) => (idHash(a.trace.header.id) < idHash(b.trace.header.id) ? -1 : 1));
    for (const item of ordered.slice(0, count)) held.add(item);
  }
  if (held.size === 0)
    throw new ConfigError('--held-out', 'holds out no trace: every workload of the suite has a single trace');
  return { tune: traces.filter((item) => !held.has(item)), heldOut: traces.filter((item) => held.has(item)) };
}
