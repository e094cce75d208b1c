import { describe, expect, it } from 'vitest';
import { checkProbes } from '../../bench/probe-check.ts';
import { PROBE_KINDS } from '../../bench/probe.ts';
import path from 'node:path';
import { environment } from '../../config.ts';
import { buildLocalSuite, LOCAL_TRACES_FOLDER } from './build-local-suite.ts';

const suite = await buildLocalSuite(path.join(environment.projectRoot, LOCAL_TRACES_FOLDER));

describe('local suite probes', () => {
  it('every answer occurs in its trace up to its evidence turn, and no negative answer occurs at all', () => {
    const sourced = suite.probes.map((probe) => ({ probe, file: `traces/local/${probe.trace}.probes.jsonl` }));
    expect(checkProbes(sourced, suite.traces).map((e) => e.message)).toEqual([]);
  });

  it('every trace has every probe kind, with evidence early, middle and late', () => {
    for (const trace of suite.traces) {
      const own = suite.probes.filter((p) => p.trace === trace.header.id);
      expect(new Set(own.map((p) => p.kind)), trace.header.id).toEqual(new Set(PROBE_KINDS));
      const messages = trace.events.filter((e) => e.type === 'message').length;
      const turns = own.map((p) => p.evidence.turn);
      expect(Math.min(...turns), trace.header.id).toBeLessThanOrEqual(messages / 3);
      expect(Math.max(...turns), trace.header.id).toBeGreaterThanOrEqual((2 * messages) / 3 - 2);
    }
  });

  it('probe ids are unique across the suite', () => {
    const ids = suite.probes.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
