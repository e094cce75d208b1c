/**
 * Every headroom probe checks against the raw trace: verbatim answers sit in the tool result of their
 * evidence turn (case-sensitive), negative answers occur nowhere, and each workload trace carries at
 * least eight probes of all five kinds, with evidence spread over its tool results.
 */
import { describe, expect, it } from 'vitest';
import { checkProbes } from '../../bench/probe-check.ts';
import { PROBE_KINDS } from '../../bench/probe.ts';
import { buildHeadroomSuite } from './build-headroom-suite.ts';
import { messageText, traceMessages } from './probe-writer.ts';

const suite = buildHeadroomSuite();
const traces = new Map(suite.traces.map((trace) => [trace.header.id, trace]));

describe('headroom probes', () => {
  it('pass the bench probe checker', () => {
    expect(
      checkProbes(
        suite.probes.map((probe) => ({ probe, file: 'headroom' })),
        suite.traces,
      ).map((error) => error.message),
    ).toEqual([]);
  });

  it('put every verbatim answer, case-sensitively, in the tool result of its evidence turn', () => {
    for (const probe of suite.probes.filter((p) => p.kind !== 'negative' && p.live_only !== true)) {
      const trace = traces.get(probe.trace);
      const message = trace === undefined ? undefined : traceMessages(trace)[probe.evidence.turn];
      expect(message?.role === 'tool' || Array.isArray(message?.content), probe.id).toBe(true);
      const text = message === undefined ? '' : messageText(message);
      expect(
        probe.answers.some((answer) => text.includes(answer)),
        probe.id,
      ).toBe(true);
    }
  });

  it('never let a negative answer occur anywhere in its trace', () => {
    for (const probe of suite.probes.filter((p) => p.kind === 'negative')) {
      const trace = traces.get(probe.trace);
      const raw = trace === undefined ? '' : JSON.stringify(trace) + traceMessages(trace).map(messageText).join('\n');
      for (const answer of probe.answers) expect(raw.includes(answer), probe.id).toBe(false);
    }
  });

  it('give each trace at least eight probes covering every kind', () => {
    for (const trace of suite.traces) {
      const probes = suite.probes.filter((probe) => probe.trace === trace.header.id);
      expect(probes.length, trace.header.id).toBeGreaterThanOrEqual(8);
      expect(new Set(probes.map((probe) => probe.kind)), trace.header.id).toEqual(new Set(PROBE_KINDS));
    }
  });

  it('spread evidence over the early, middle and late tool results of the multi-step sessions', () => {
    for (const trace of suite.traces.filter(
      (t) => t.header.provider === 'openai' && !t.header.id.startsWith('needle'),
    )) {
      const turns = new Set(
        suite.probes.filter((probe) => probe.trace === trace.header.id).map((probe) => probe.evidence.turn),
      );
      expect([...turns].sort(), trace.header.id).toEqual([3, 5, 7]);
    }
  });

  it('mark aggregate counts live-only and leave every other probe checkable offline', () => {
    const liveOnly = suite.probes.filter((probe) => probe.live_only === true);
    expect(liveOnly.every((probe) => probe.kind === 'count')).toBe(true);
    expect(liveOnly.length).toBeLessThan(suite.probes.length / 4);
  });
});
