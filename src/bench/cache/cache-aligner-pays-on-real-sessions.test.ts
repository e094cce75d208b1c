/**
 * The cache aligner on real sessions: the local suite's Anthropic traces (their client set no
 * `cache_control`) cost less with it under Anthropic's rules, it never adds a bust, and every request
 * it touches is the aligner-free request plus spliced members; on the corpus's OpenAI traces it adds
 * one `prompt_cache_key` per session and changes no cost or bust.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { environment } from '../../config.ts';
import { emitRequest, parseRequest } from '../../engine/request/canonical-request.ts';
import { compressRequest } from '../../engine/compress-request.ts';
import { createEngine } from '../../engine/create-engine.ts';
import { createSession } from '../../engine/engine-session.ts';
import type { JsonObject, JsonValue } from '../../types.ts';
import { resolveBenchConfig } from '../bench-config.ts';
import type { PairResult } from '../replay-rows.ts';
import { replayTrace } from '../replay-trace.ts';
import { engineStrategy } from '../strategy/engine-strategy.ts';
import type { OpenStrategy } from '../strategy/replay-strategy.ts';
import { buildSuite } from '../../suites/suite-builders.ts';
import { readSuiteSpecs } from '../suite-spec.ts';
import { buildTraceFilesSuite } from '../trace-files-suite.ts';
import { requestsOf, type Trace } from '../trace.ts';

const BREAKPOINT = ',"cache_control":{"type":"ephemeral"}';
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

async function localTraces(): Promise<readonly Trace[]> {
  const build = await buildTraceFilesSuite(path.join(environment.projectRoot, 'traces', 'local'));
  if (build.state !== 'ready') throw new Error(build.reason);
  return build.traces;
}

/** Per trace: cost and busts under each provider's rules. */
async function costs(
  traces: readonly Trace[],
  name: string,
  open: OpenStrategy,
): Promise<Map<string, Record<string, { cost: number; busts: number }>>> {
  const strategy = await open({ tokenizer: 'o200k_base' });
  const out = new Map<string, Record<string, { cost: number; busts: number }>>();
  try {
    for (const trace of traces) {
      const result: PairResult = await replayTrace(trace, name, strategy, []);
      if (result.state !== 'ok') throw new Error(result.error);
      const byProvider: Record<string, { cost: number; busts: number }> = {};
      for (const row of result.cache) {
        const entry = (byProvider[row.provider] ??= { cost: 0, busts: 0 });
        entry.cost += row.cost_usd;
        if (row.cache_bust) entry.busts++;
      }
      out.set(trace.header.id, byProvider);
    }
  } finally {
    await strategy.close();
  }
  return out;
}

describe('the cache aligner on the local suite (Anthropic, no cache_control)', () => {
  it('lowers what balanced costs under Anthropic rules, adds no bust, and keeps balanced under none on every trace', async () => {
    const traces = await localTraces();
    const none = await costs(traces, 'none', resolveBenchConfig('none').open);
    const aligned = await costs(traces, 'balanced', resolveBenchConfig('balanced').open);
    const plain = await costs(
      traces,
      'balanced-no-aligner',
      engineStrategy({ profile: 'balanced', cacheAligner: false }),
    );
    let withAligner = 0,
      without = 0;
    for (const trace of traces) {
      const id = trace.header.id;
      const [a, p, n] = [aligned.get(id)!, plain.get(id)!, none.get(id)!];
      withAligner += a.anthropic!.cost;
      without += p.anthropic!.cost;
      for (const provider of ['anthropic', 'openai']) {
        expect(a[provider]!.busts, `${id} ${provider}`).toBeLessThanOrEqual(p[provider]!.busts);
        expect(a[provider]!.cost, `${id} ${provider}`).toBeLessThanOrEqual(n[provider]!.cost);
      }
    }
    // Measured: $1.41 against $2.55 over the 12 sessions.
    expect(withAligner).toBeLessThan(0.7 * without);
  });

  it('sends each request as the aligner-free one plus breakpoints, at most four, each kept on its block for the rest of the session', async () => {
    const setup = await createEngine({ profile: 'balanced' });
    for (const trace of await localTraces()) {
      const session = createSession(setup);
      let earlier = new Map<string, string>();
      let placed = 0;
      for (const { body } of requestsOf(trace)) {
        // Indented source: the splices must leave the client's own layout alone.
        const source = JSON.stringify(body, null, 1);
        const request = parseRequest(source, trace.header.provider);
        const result = await compressRequest(request, session);
        const sent = emitRequest(request, result.edits);
        const reference = emitRequest(request, { ...result.edits, members: [] });
        const ranges = sent.split(BREAKPOINT);
        const members = result.edits.members ?? [];
        expect(ranges.length - 1).toBe(members.length);
        expect(members.length).toBeLessThanOrEqual(4);
        let at = 0;
        for (const range of ranges) {
          expect(sha256(reference.slice(at, at + range.length))).toBe(sha256(range));
          at += range.length;
        }
        expect(at).toBe(reference.length);
        const parsed = JSON.parse(sent) as JsonObject;
        const blocks = new Map(
          members.map((m) => [
            m.path.join('.'),
            JSON.stringify(m.path.reduce<JsonValue | undefined>((v, k) => (v as Record<string, JsonValue>)[k], parsed)),
          ]),
        );
        for (const [key, bytes] of earlier) expect(blocks.get(key), `${trace.header.id} ${key}`).toBe(bytes);
        earlier = blocks;
        placed = Math.max(placed, members.length);
      }
      expect(placed, trace.header.id).toBeGreaterThan(0);
    }
  });
});

const corpusSpec = readSuiteSpecs(path.join(environment.projectRoot, 'workloads')).find(
  (spec) => spec.name === 'corpus',
);

describe.skipIf(corpusSpec === undefined || !existsSync(environment.sharedDir))(
  'the cache aligner on corpus sessions (OpenAI)',
  () => {
    it('sends one prompt_cache_key per session, the same in every request, and changes no cost or bust', async () => {
      const build = await buildSuite(corpusSpec!, {
        projectRoot: environment.projectRoot,
        sharedDir: environment.sharedDir,
      });
      if (build.state !== 'ready') throw new Error(build.reason);
      // The shorter sessions: enough to see the key held, quick enough for a test.
      const traces = [...build.traces].sort((a, b) => a.events.length - b.events.length).slice(0, 6);
      const setup = await createEngine({ profile: 'balanced' });
      const keys = new Set<string>();
      for (const trace of traces) {
        const session = createSession(setup);
        const sent = new Set<string>();
        for (const { body } of requestsOf(trace)) {
          const request = parseRequest(JSON.stringify(body), trace.header.provider);
          const result = await compressRequest(request, session);
          sent.add(String((JSON.parse(emitRequest(request, result.edits)) as JsonObject).prompt_cache_key));
        }
        expect(sent.size).toBe(1);
        keys.add([...sent][0]!);
      }
      expect(keys.size).toBe(traces.length);
      const aligned = await costs(traces, 'balanced', resolveBenchConfig('balanced').open);
      const plain = await costs(
        traces,
        'balanced-no-aligner',
        engineStrategy({ profile: 'balanced', cacheAligner: false }),
      );
      for (const trace of traces) expect(aligned.get(trace.header.id)).toEqual(plain.get(trace.header.id));
    });
  },
);
