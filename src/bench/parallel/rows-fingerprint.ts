/**
 * A fingerprint of what a run measured: every row of every pair, timings left out (the one thing that
 * may differ between two replays of the same traces), pairs and rows in a fixed order and keys
 * sorted, so a run read back from a database fingerprints as the run that wrote it. Two runs with the
 * same fingerprint replayed to the same tokens, blocks, markers, probe outcomes and cache costs.
 */
import { createHash } from 'node:crypto';
import type { BlockRow, PairResult, ProbeRow, RunResult } from '../replay-rows.ts';
import { cacheRowOrder } from '../cache/cache-cost-ledger.ts';

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const blockOrder = (a: BlockRow, b: BlockRow): number =>
  a.request_index - b.request_index || a.message_index - b.message_index || text(a.path, b.path);
const probeOrder = (a: ProbeRow, b: ProbeRow): number =>
  text(a.point, b.point) || a.request_index - b.request_index || text(a.probe, b.probe);

/** A pair's rows without their clock readings, in row order. */
function timeless(pair: PairResult): unknown {
  if (pair.state === 'errored') return pair;
  return {
    ...pair,
    requests: [...pair.requests]
      .sort((a, b) => a.request_index - b.request_index)
      .map(({ compress_ms: _ms, ...row }) => row),
    blocks: [...pair.blocks].sort(blockOrder).map(({ compress_ms: _ms, ...row }) => row),
    probes: [...pair.probes].sort(probeOrder),
    cache: [...pair.cache].sort(cacheRowOrder),
  };
}

/** JSON with every object's keys sorted. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => text(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the run's traces and pairs, timings left out. */
export function rowsFingerprint(result: Pick<RunResult, 'traces' | 'pairs'>): string {
  const key = (pair: PairResult): string => `${pair.trace}\u0000${pair.config}`;
  const hash = createHash('sha256');
  hash.update(canonicalJson([...result.traces].sort((a, b) => text(a.trace, b.trace))));
  for (const pair of [...result.pairs].sort((a, b) => text(key(a), key(b)))) hash.update(canonicalJson(timeless(pair)));
  return hash.digest('hex');
}
