import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { requestParts } from '../../engine/request/request-parts.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { checkProbes } from '../../bench/probe-check.ts';
import type { Probe } from '../../bench/probe.ts';
import type { SuiteContent } from '../../bench/suite.ts';
import { requestsOf, type Trace } from '../../bench/trace.ts';
import { buildCorpusSuite } from './build-corpus-suite.ts';
import { positionOf, TRACE_POSITIONS } from '../../bench/derive/probe-drafts.ts';
import { traceText } from '../../bench/trace-text.ts';

const shared = environment.sharedDir;
const hasCorpus = existsSync(`${shared}/corpus`);

function finalRequestTokens(trace: Trace): number {
  let last: { body: Parameters<typeof requestParts>[1] } | undefined;
  for (const request of requestsOf(trace)) last = request;
  if (last === undefined) return 0;
  const ruler = createTokenRuler('o200k_base');
  return ruler.count(
    requestParts(trace.header.provider, last.body)
      .map((p) => p.text)
      .join('\n'),
  );
}

function probesOf(suite: SuiteContent, id: string): Probe[] {
  return suite.probes.filter((p) => p.trace === id);
}

describe.skipIf(!hasCorpus)('corpus suite over ../shared/corpus', () => {
  let suite: SuiteContent;
  beforeAll(async () => {
    const built = await buildCorpusSuite(shared);
    if (built.state !== 'ready') throw new Error(built.reason);
    suite = built;
  });

  it('has at least three traces of each workload and 250k o200k tokens in final requests', () => {
    for (const workload of ['code-search', 'sre', 'issue-triage', 'exploration']) {
      expect(suite.traces.filter((t) => t.header.workload === workload).length, workload).toBeGreaterThanOrEqual(3);
    }
    expect(suite.traces.filter((t) => t.header.source.format === 'mini-swe-agent').length).toBeGreaterThanOrEqual(8);
    const total = suite.traces.reduce((sum, t) => sum + finalRequestTokens(t), 0);
    expect(total).toBeGreaterThanOrEqual(250_000);
  });

  it('gives every trace exact, locate, causal and negative probes with evidence early, middle and late', () => {
    for (const trace of suite.traces) {
      const probes = probesOf(suite, trace.header.id);
      const kinds = new Set(probes.map((p) => p.kind));
      for (const kind of ['exact', 'locate', 'causal', 'negative'] as const)
        expect(kinds.has(kind), `${trace.header.id} ${kind}`).toBe(true);
      const sent = traceText(trace).sentMessages;
      const positions = new Set(probes.map((p) => positionOf(p.evidence.turn, sent)));
      for (const position of TRACE_POSITIONS)
        expect(positions.has(position), `${trace.header.id} ${position}`).toBe(true);
    }
  });

  it('passes `probes check`: answers shown by their turn, negatives absent, ids unique', () => {
    const errors = checkProbes(
      suite.probes.map((probe) => ({ probe, file: 'corpus' })),
      suite.traces,
    );
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(new Set(suite.probes.map((p) => p.id)).size).toBe(suite.probes.length);
  });

  it('holds the checked facts of WORKLOADS.md', () => {
    const sphinx = probesOf(suite, 'sphinx-doc__sphinx-9229');
    expect(
      sphinx.some(
        (p) =>
          p.kind === 'locate' &&
          p.question.includes('alias of') &&
          p.answers.includes('sphinx/ext/autodoc/__init__.py'),
      ),
    ).toBe(true);
    expect(
      sphinx.some(
        (p) =>
          p.kind === 'count' && p.live_only === true && p.question.includes('alias of') && p.answers.includes('127'),
      ),
    ).toBe(true);
    const hadoop = probesOf(suite, 'loghub-hadoop');
    expect(
      hadoop.some(
        (p) =>
          p.kind === 'locate' && p.question.includes('ERROR IN CONTACTING RM') && p.answers.includes('18:06:01,840'),
      ),
    ).toBe(true);
    expect(
      hadoop.some(
        (p) =>
          p.kind === 'count' &&
          p.live_only === true &&
          p.question.includes('ERROR IN CONTACTING RM') &&
          p.answers.includes('147'),
      ),
    ).toBe(true);
    expect(hadoop.some((p) => p.kind === 'causal' && p.answers.includes('msra-sa-41:8030'))).toBe(true);
    const bgl = probesOf(suite, 'loghub-bgl');
    expect(
      bgl.some(
        (p) =>
          p.kind === 'causal' &&
          /alert/.test(p.question) &&
          p.answers.every((a) => /^R\d\d-M\d-N\w-\w:J\d\d-U\d\d$/.test(a)),
      ),
    ).toBe(true);
    const pydicom = probesOf(suite, 'swebench-lite-dev-triage');
    expect(pydicom.some((p) => p.kind === 'causal' && p.question.includes('#1413') && p.answers.includes('OL'))).toBe(
      true,
    );
  });

  it('builds the same traces and probes from the same folder', async () => {
    const again = await buildCorpusSuite(shared);
    expect(again.state).toBe('ready');
    if (again.state !== 'ready') return;
    expect(JSON.stringify(again.traces)).toBe(JSON.stringify(suite.traces));
    expect(JSON.stringify(again.probes)).toBe(JSON.stringify(suite.probes));
  });
});
