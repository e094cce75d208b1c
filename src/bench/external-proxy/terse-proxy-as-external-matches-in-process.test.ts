/**
 * The external-proxy adapter proven on a proxy whose answer is known: terse's own proxy, run over
 * HTTP with the bench's capture server as its upstream, sends the same tokens as the same engine run
 * in process, on every suite.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { createEngine } from '../../engine/create-engine.ts';
import { createProxy } from '../../proxy/create-proxy.ts';
import { startProxy, type RunningProxy } from '../../proxy/start-proxy.ts';
import { summarize } from '../../report/summarize.ts';
import { resolveBenchConfigs } from '../bench-config.ts';
import { runReplay } from '../run-replay.ts';
import { buildSuite } from '../../suites/suite-builders.ts';
import { readSuiteSpecs } from '../suite-spec.ts';

/** A free loopback port: the capture listens there, and the proxy is told so before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

let proxy: RunningProxy;
let capturePort: number;

beforeAll(async () => {
  capturePort = await freePort();
  const setup = await createEngine({ profile: 'balanced' });
  const upstream = `http://127.0.0.1:${capturePort}`;
  // Every block not yet decided, as the bench replays a session from its start.
  proxy = await startProxy(
    createProxy(setup, { anthropicUpstream: upstream, openaiUpstream: upstream, liveZoneOnly: false }),
    { port: 0 },
  );
});

afterAll(async () => {
  await proxy?.close();
});

const SPECS = readSuiteSpecs(path.join(environment.projectRoot, 'workloads')).filter(
  (spec) => spec.name !== 'reference',
);

describe.each(SPECS.map((spec) => [spec.name, spec] as const))(
  'terse proxy behind the bench on the %s suite',
  (name, spec) => {
    it.skipIf(spec.builder.startsWith('shared-') && !existsSync(environment.sharedDir))(
      'sends the tokens balanced sends in process, within 0.1% per trace',
      async () => {
        const build = await buildSuite(spec, {
          projectRoot: environment.projectRoot,
          sharedDir: environment.sharedDir,
        });
        if (build.state !== 'ready') throw new Error(build.reason);
        const configs = await resolveBenchConfigs(['balanced', `proxy:${proxy.url}`], { capturePort });
        // Two traces of each workload: every request goes over HTTP twice (warm-up and run).
        const perWorkload = new Map<string, number>();
        const traces = build.traces.filter((trace) => {
          const seen = perWorkload.get(trace.header.workload) ?? 0;
          perWorkload.set(trace.header.workload, seen + 1);
          return seen < 2;
        });
        const result = await runReplay({
          traces: traces.map((trace) => ({ suite: name, trace })),
          probes: build.probes,
          configs,
          tokenizer: 'o200k_base',
          argv: 'test',
          projectRoot: environment.projectRoot,
          gitShaOverride: 'test',
        });
        const summary = summarize(result);
        expect(summary.errors).toEqual([]);
        const external = configs[1]?.name ?? '';
        expect(summary.configs.find((c) => c.name === external)?.description).toMatch(
          /^external proxy at http:\/\/127\.0\.0\.1:\d+/,
        );
        for (const row of summary.results.filter((r) => r.config === 'balanced')) {
          const through = summary.results.find((r) => r.trace === row.trace && r.config === external);
          expect(through?.tokens_before).toBe(row.tokens_before);
          expect(Math.abs((through?.tokens_after ?? 0) - row.tokens_after)).toBeLessThanOrEqual(
            row.tokens_after * 0.001,
          );
        }
      },
    );
  },
);
