import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { ConfigError, PathError } from '../../errors.ts';
import { summarize } from '../../report/summarize.ts';
import { resolveBenchConfigs } from '../bench-config.ts';
import { runReplay } from '../run-replay.ts';
import { buildSuite } from '../../suites/suite-builders.ts';
import { readSuiteSpecs } from '../suite-spec.ts';

const EXAMPLES = path.join(environment.projectRoot, 'examples');
const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-plugins-'));

function module(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return `module:${file}`;
}

async function replayLocal(configs: readonly string[]) {
  const spec = readSuiteSpecs(path.join(environment.projectRoot, 'workloads')).find((s) => s.name === 'local');
  if (spec === undefined) throw new Error('no local suite');
  const build = await buildSuite(spec, { projectRoot: environment.projectRoot, sharedDir: environment.sharedDir });
  if (build.state !== 'ready') throw new Error(build.reason);
  const result = await runReplay({
    traces: build.traces.map((trace) => ({ suite: 'local', trace })),
    probes: build.probes,
    configs: await resolveBenchConfigs(configs),
    tokenizer: 'o200k_base',
    argv: 'test',
    projectRoot: environment.projectRoot,
    gitShaOverride: 'test',
  });
  return { result, summary: summarize(result) };
}

describe('strategies plugged in with --config module:PATH', () => {
  it('replays the worked examples beside balanced, with fidelity and effective reduction, named with their versions', async () => {
    const { summary } = await replayLocal([
      'balanced',
      `module:${path.join(EXAMPLES, 'keep-error-lines.mjs')}`,
      `module:${path.join(EXAMPLES, 'truncate-old-outputs.mjs')}`,
    ]);
    expect(summary.errors).toEqual([]);
    expect(summary.configs.map((c) => [c.name, c.role])).toEqual([
      ['balanced', 'profile'],
      ['keep-error-lines@1.0.0', 'custom'],
      ['truncate-old-outputs@1.0.0', 'custom'],
    ]);
    const total = (config: string) => {
      const rows = summary.workloads.filter((w) => w.config === config);
      return {
        before: rows.reduce((n, w) => n + w.tokens_before, 0),
        after: rows.reduce((n, w) => n + w.tokens_after, 0),
        lostAtEnd: rows.reduce((n, w) => n + w.probes_at_end.lost, 0),
        lost: rows.reduce((n, w) => n + w.probes.lost, 0),
      };
    };
    const truncate = total('truncate-old-outputs@1.0.0');
    const keep = total('keep-error-lines@1.0.0');
    expect(truncate.after).toBeLessThan(truncate.before);
    expect(keep.after).toBeLessThan(keep.before);
    // The request-level example cuts only older outputs: nothing is lost when first read, but later.
    expect(truncate.lost).toBe(0);
    expect(truncate.lostAtEnd).toBeGreaterThan(0);
  });

  it('records a plug-in compressor that throws as a failed block and goes on', async () => {
    const broken = module(
      'throws.mjs',
      "export const compressor = { name: 'throws', kinds: ['log', 'text'], compress() { throw new Error('plug-in bug 42'); } };\n",
    );
    const { result } = await replayLocal([broken]);
    const blocks = result.pairs.flatMap((pair) => (pair.state === 'ok' ? pair.blocks : []));
    expect(result.pairs.every((pair) => pair.state === 'ok')).toBe(true);
    expect(
      blocks.some((b) => b.outcome === 'failed' && b.compressor === 'throws' && b.reason?.includes('plug-in bug 42')),
    ).toBe(true);
  });

  it('passes a request unchanged when a request-level plug-in throws, and says why on every block', async () => {
    const broken = module(
      'request-throws.mjs',
      "export function compressRequest() { throw new Error('no budget left'); }\n",
    );
    const { result, summary } = await replayLocal([broken]);
    expect(summary.workloads.every((w) => w.tokens_after === w.tokens_before)).toBe(true);
    const blocks = result.pairs.flatMap((pair) => (pair.state === 'ok' ? pair.blocks : []));
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.every((b) => b.outcome === 'failed' && b.reason === 'no budget left')).toBe(true);
  });

  it('names the file and the fault of a module that is not a strategy', async () => {
    await expect(resolveBenchConfigs([module('neither.mjs', 'export const name = "x";\n')])).rejects.toThrow(
      ConfigError,
    );
    await expect(resolveBenchConfigs([module('neither.mjs', 'export const name = "x";\n')])).rejects.toThrow(
      /neither\.mjs: must export exactly one of compressor and compressRequest/,
    );
    await expect(resolveBenchConfigs([module('syntax.mjs', 'export const = ;\n')])).rejects.toThrow(
      /syntax\.mjs: the module does not load/,
    );
    await expect(
      resolveBenchConfigs([
        module('kinds.mjs', "export const compressor = { name: 'k', kinds: ['prose'], compress: () => null };\n"),
      ]),
    ).rejects.toThrow(/compressor\.kinds: must list content kinds/);
    await expect(resolveBenchConfigs(['module:/nonexistent/strategy.mjs'])).rejects.toThrow(PathError);
  });
});
