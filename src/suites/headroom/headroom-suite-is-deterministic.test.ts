/** The headroom suite is a pure function of its seeds: no clock, no Math.random. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildHeadroomSuite, HEADROOM_BUILDERS } from './build-headroom-suite.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('buildHeadroomSuite', () => {
  it('writes the same bytes on every build, without Math.random or the clock', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now called');
    });
    const first = JSON.stringify(buildHeadroomSuite());
    expect(JSON.stringify(buildHeadroomSuite())).toBe(first);
  });

  it('gives each seed its own data', () => {
    for (const build of Object.values(HEADROOM_BUILDERS)) {
      const zero = build(0, 'final').trace;
      const one = build(1, 'final').trace;
      expect(JSON.stringify(zero.events)).not.toBe(JSON.stringify(one.events));
    }
  });

  it('builds the four workloads and a needle for each requested seed, with unique ids', () => {
    const suite = buildHeadroomSuite({ seeds: [4, 9] });
    const ids = suite.traces.map((trace) => trace.header.id);
    expect(ids).toEqual([
      'code-search-seed4',
      'code-search-seed9',
      'sre-seed4',
      'sre-seed9',
      'issue-triage-seed4',
      'issue-triage-seed9',
      'exploration-seed4',
      'exploration-seed9',
      'needle-fatal-67-seed4',
      'needle-fatal-67-seed9',
    ]);
    expect(new Set(suite.probes.map((probe) => probe.id)).size).toBe(suite.probes.length);
  });

  it('places a call before each assistant turn and at the end, or only at the end', () => {
    const stepwise = HEADROOM_BUILDERS.sre(0, 'every-turn').trace.events.filter(
      (event) => event.type === 'call',
    ).length;
    const final = HEADROOM_BUILDERS.sre(0, 'final').trace;
    expect(stepwise).toBe(4);
    expect(final.events.filter((event) => event.type === 'call')).toHaveLength(1);
    expect(final.events[final.events.length - 1]).toEqual({ type: 'call' });
  });
});
