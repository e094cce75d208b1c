/** `terse replay PATH... [--config NAME]... [--probes FILE]... [--out DIR] [--json]` */
import { environment, type TokenizerName } from '../config.ts';
import { resolveBenchConfigs, DEFAULT_BENCH_CONFIGS } from '../bench/bench-config.ts';
import { collectTraceFiles, loadTrace } from '../bench/importers/load-session.ts';
import { readProbes } from '../bench/probe-io.ts';
import type { Probe } from '../bench/probe.ts';
import type { SuiteTrace } from '../bench/run-replay.ts';
import { checkReportTarget, runAndReport } from './run-and-report.ts';
import { deriveProbes } from '../bench/derive/derive-probes.ts';
import type { ProbeScreening } from '../bench/probe-screening.ts';
import { assertProbesCheck } from './probes-command.ts';
import { withInputFile } from './stdin-input.ts';
import type { LiveFlags } from './live-flags.ts';
import type { ScaleFlags } from './scale-flags.ts';
import { checkLiveFlags, planLiveRun } from './live-setup.ts';
import { configList, replayStreamed } from './replay-streamed.ts';

export interface ReplayCommandOptions {
  readonly paths: readonly string[];
  readonly configs: readonly string[];
  readonly probes: readonly string[];
  /** With no probe file, derive probes from the traces' tool outputs. @default true */
  readonly deriveProbes: boolean;
  readonly out?: string;
  readonly json: boolean;
  readonly tokenizer?: TokenizerName;
  readonly argv: string;
  readonly live?: LiveFlags;
  readonly scale?: ScaleFlags;
  /** Loopback port of the capture upstream `proxy:URL` configs send to. @default 8788 */
  readonly capturePort?: number;
}

/** Loads the traces and probes, checks them, replays, writes the report. Returns the exit code. */
export async function replayCommand(options: ReplayCommandOptions): Promise<number> {
  // Before anything is read: a live run without its key fails at once.
  const liveOptions = options.live?.live ? checkLiveFlags(options.live, environment) : null;
  let configs = await resolveBenchConfigs(options.configs.length > 0 ? options.configs : DEFAULT_BENCH_CONFIGS, {
    capturePort: options.capturePort ?? 8788,
  });
  checkReportTarget(options.out);
  // A live run estimates its cost over every trace first, and a session from stdin is read whole; any other replay streams its traces.
  if (liveOptions === null && !options.paths.includes('-')) return replayStreamed(options, configs);
  const traces: SuiteTrace[] = [];
  const fromStdin = options.paths.includes('-');
  for (const file of await collectTraceFiles(options.paths.filter((p) => p !== '-')))
    traces.push({ suite: 'replay', trace: await loadTrace(file) });
  if (fromStdin)
    traces.push({
      suite: 'replay',
      trace: await withInputFile('-', environment.stdinIsTTY, 'session.jsonl | terse replay -', (file) =>
        loadTrace(file),
      ),
    });
  const probes: { probe: Probe; file: string }[] = [];
  for (const file of options.probes) for (const probe of await readProbes(file)) probes.push({ probe, file });
  let screening: ProbeScreening[] = [];
  if (options.probes.length === 0 && options.deriveProbes) {
    // Fidelity on a session nobody wrote probes for: probes derived by code, screened as a suite's are.
    const derived = deriveProbes(traces.map((t) => t.trace));
    for (const probe of derived.probes) probes.push({ probe, file: '(derived)' });
    screening = [derived.screening];
    process.stderr.write(
      `no --probes given: derived ${derived.probes.length} probes from the traces' tool outputs (see terse probes derive)\n`,
    );
  }
  assertProbesCheck(
    probes,
    traces.map((t) => t.trace),
  );
  // Said once the input is known good: an error above is then the only line printed.
  process.stderr.write(
    `replaying ${traces.length} ${traces.length === 1 ? 'trace' : 'traces'} through ${configList(configs)}\n`,
  );
  const tokenizer = options.tokenizer ?? environment.tokenizer;
  let live;
  if (liveOptions !== null && options.live) {
    const plan = await planLiveRun(
      liveOptions,
      options.live,
      { traces: traces.map((t) => t.trace), probes: probes.map((p) => p.probe), configs, tokenizer },
      environment,
    );
    live = plan.session;
    configs = [...plan.configs];
  }
  return runAndReport({
    traces,
    screening,
    probes: probes.map((p) => p.probe),
    configs,
    live,
    scale: options.scale,
    tokenizer,
    out: options.out,
    json: options.json,
    argv: options.argv,
  });
}
