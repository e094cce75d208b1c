/** `terse bench [--suite NAME]... [--config NAME]... [--out DIR] [--json] [--update-readme]` */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { environment, type TokenizerName } from '../config.ts';
import { ConfigError } from '../errors.ts';
import { resolveBenchConfigs } from '../bench/bench-config.ts';
import type { Probe } from '../bench/probe.ts';
import type { ProbeScreening } from '../bench/probe-screening.ts';
import type { SuiteTrace } from '../bench/run-replay.ts';
import { buildSuite } from '../suites/suite-builders.ts';
import { readSuiteSpecs, type SuiteSpec } from '../bench/suite-spec.ts';
import type { RenderOptions } from '../report/render-markdown.ts';
import { renderBenchTables } from '../report/render-bench-tables.ts';
import { writeReadmeSection } from '../report/readme-table.ts';
import { README_CHART } from '../report/report-charts.ts';
import { checkReportTarget, runAndReport } from './run-and-report.ts';
import { assertProbesCheck } from './probes-command.ts';
import type { LiveFlags } from './live-flags.ts';
import type { ScaleFlags } from './scale-flags.ts';
import { checkLiveFlags, planLiveRun } from './live-setup.ts';

export interface BenchCommandOptions {
  readonly suites: readonly string[];
  readonly configs: readonly string[];
  readonly out?: string;
  readonly json: boolean;
  readonly tokenizer?: TokenizerName;
  readonly updateReadme: boolean;
  readonly argv: string;
  readonly live?: LiveFlags;
  readonly scale?: ScaleFlags;
  /** Loopback port of the capture upstream `proxy:URL` configs send to. @default 8788 */
  readonly capturePort?: number;
}

function chooseSuites(all: readonly SuiteSpec[], names: readonly string[]): SuiteSpec[] {
  if (names.length === 0) return [...all];
  return names.map((name) => {
    const spec = all.find((s) => s.name === name);
    if (!spec) throw new ConfigError(`--suite ${name}`, `unknown suite (known: ${all.map((s) => s.name).join(', ')})`);
    return spec;
  });
}

export async function benchCommand(options: BenchCommandOptions): Promise<number> {
  // Before anything is built: a live run without its key fails at once.
  const liveOptions = options.live?.live ? checkLiveFlags(options.live, environment) : null;
  checkReportTarget(options.out);
  const specs = chooseSuites(readSuiteSpecs(path.join(environment.projectRoot, 'workloads')), options.suites);
  const traces: SuiteTrace[] = [];
  const probes: Probe[] = [];
  const published: Record<string, NonNullable<SuiteSpec['published']>> = {};
  const screening: ProbeScreening[] = [];
  const configNames = new Set<string>(options.configs);
  for (const spec of specs) {
    const build = await buildSuite(spec, { projectRoot: environment.projectRoot, sharedDir: environment.sharedDir });
    if (build.state === 'skipped') {
      process.stderr.write(`suite ${spec.name} skipped: ${build.reason}\n`);
      continue;
    }
    assertProbesCheck(
      build.probes.map((probe) => ({ probe, file: `workloads/${spec.name}.json` })),
      build.traces,
    );
    traces.push(...build.traces.map((trace) => ({ suite: spec.name, trace })));
    probes.push(...build.probes);
    if (build.screening) screening.push(build.screening);
    if (spec.published) published[spec.name] = spec.published;
    if (options.configs.length === 0) for (const c of spec.configs) configNames.add(c);
  }
  const render: RenderOptions =
    Object.keys(published).length > 0 ? { published: published as RenderOptions['published'] } : {};
  const tokenizer = options.tokenizer ?? environment.tokenizer;
  let configs = await resolveBenchConfigs([...configNames], { capturePort: options.capturePort ?? 8788 });
  let live;
  if (liveOptions !== null && options.live) {
    const plan = await planLiveRun(
      liveOptions,
      options.live,
      { traces: traces.map((t) => t.trace), probes, configs, tokenizer },
      environment,
    );
    live = plan.session;
    configs = [...plan.configs];
  }
  const code = await runAndReport({
    traces,
    probes,
    configs,
    live,
    scale: options.scale,
    tokenizer,
    out: options.out,
    json: options.json,
    argv: options.argv,
    render,
    screening,
    onSummary: options.updateReadme
      ? (summary) => {
          const readme = path.join(environment.projectRoot, 'README.md');
          writeReadmeSection(readme, renderBenchTables(summary, render));
        }
      : undefined,
    onReport: options.updateReadme
      ? (outDir) => {
          // The README's chart is the bench's own PNG, copied beside the docs (reports/ is not committed).
          mkdirSync(path.join(environment.projectRoot, 'docs', 'images'), { recursive: true });
          copyFileSync(
            path.join(outDir, 'charts', `${README_CHART}.png`),
            path.join(environment.projectRoot, 'docs', 'images', `${README_CHART}.png`),
          );
        }
      : undefined,
  });
  return code;
}
