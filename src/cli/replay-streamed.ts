/**
 * `terse replay` without `--live`: the session files are read one trace at a time (each Claude Code
 * conversation between compactions is one) and each trace is replayed through every configuration
 * as it arrives, then let go; a session file of any size replays holding one conversation (per
 * worker) at a time. Probes from files are matched to their traces first, in a pass that keeps only
 * the ids, so a probe naming no trace is refused before anything replays. Derived probes are derived
 * and screened trace by trace.
 */
import { environment } from '../config.ts';
import { InvalidProbeError, PathError } from '../errors.ts';
import type { BenchConfig } from '../bench/bench-config.ts';
import { deriveProbes } from '../bench/derive/derive-probes.ts';
import { collectTraceFiles } from '../bench/importers/load-session.ts';
import { streamTraces } from '../bench/importers/stream-traces.ts';
import { formatShard } from '../bench/parallel/shard.ts';
import type { StreamedTrace } from '../bench/parallel/replay-streamed-pairs.ts';
import { readProbes } from '../bench/probe-io.ts';
import type { Probe } from '../bench/probe.ts';
import type { ProbeScreening } from '../bench/probe-screening.ts';
import { runStreamedReplay } from '../bench/run-streamed-replay.ts';
import type { ReplayCommandOptions } from './replay-command.ts';
import { assertProbesCheck } from './probes-command.ts';
import { createProgressReporter } from './progress-reporter.ts';
import { reportRun } from './run-and-report.ts';
import { BlockTextCollector } from '../report/explore/block-texts.ts';
import { noteConfigsInThisThread } from './note-configs-in-this-thread.ts';

const SUITE = 'replay';

/** Screening counts of derived probes, added up trace by trace. */
function addScreening(total: ProbeScreening | null, more: ProbeScreening): ProbeScreening {
  if (total === null) return more;
  return {
    suite: total.suite,
    derived: total.derived + more.derived,
    non_discriminating: total.non_discriminating + more.non_discriminating,
    ambiguous: total.ambiguous + more.ambiguous,
    negatives_replaced: total.negatives_replaced + more.negatives_replaced,
    near_misses: total.near_misses + more.near_misses,
    kept: total.kept + more.kept,
  };
}

/** Probes from files, each with its file, refused when one names a trace none of the files holds. */
async function givenProbes(
  files: readonly string[],
  probeFiles: readonly string[],
): Promise<Map<string, { probe: Probe; file: string }[]>> {
  const byTrace = new Map<string, { probe: Probe; file: string }[]>();
  for (const file of probeFiles)
    for (const probe of await readProbes(file))
      byTrace.set(probe.trace, [...(byTrace.get(probe.trace) ?? []), { probe, file }]);
  if (byTrace.size === 0) return byTrace;
  const ids = new Set<string>();
  for (const file of files) for await (const trace of streamTraces(file)) ids.add(trace.header.id);
  for (const [trace, sourced] of byTrace) {
    const first = sourced[0];
    if (!ids.has(trace) && first !== undefined)
      throw new InvalidProbeError(first.file, null, first.probe.id, `names unknown trace ${trace}`);
  }
  return byTrace;
}

/** The configurations a replay runs, as its first line names them (baselines labelled). */
export function configList(configs: readonly BenchConfig[]): string {
  return configs.map((c) => (c.role === 'baseline' && c.name !== 'none' ? `${c.name} (baseline)` : c.name)).join(', ');
}

export async function replayStreamed(options: ReplayCommandOptions, configs: readonly BenchConfig[]): Promise<number> {
  const files = await collectTraceFiles([...options.paths]);
  if (files.length === 0) throw new PathError(options.out ?? '.', 'no traces to replay');
  const given = await givenProbes(files, options.probes);
  const derive = options.probes.length === 0 && options.deriveProbes;
  const { shard, workers = 1 } = options.scale ?? {};
  let screening: ProbeScreening | null = null;
  let seen = 0;
  let derived = 0;
  async function* items(): AsyncGenerator<StreamedTrace> {
    for (const file of files) {
      for await (const trace of streamTraces(file)) {
        // Streamed shards: the i-th trace read (from 0) goes to shard (i mod n) + 1.
        const mine = shard === undefined || seen % shard.count === shard.index - 1;
        seen++;
        // Every shard derives every trace's probes, so each reports the whole run's screening, as bench shards do.
        const found = derive ? deriveProbes([trace]) : null;
        if (found !== null) screening = addScreening(screening, found.screening);
        if (!mine) continue;
        let probes: Probe[];
        if (found !== null) {
          derived += found.probes.length;
          probes = found.probes;
        } else {
          const sourced = given.get(trace.header.id) ?? [];
          assertProbesCheck(sourced, [trace]);
          probes = sourced.map((s) => s.probe);
        }
        yield { suite: SUITE, trace, probes };
      }
    }
  }
  noteConfigsInThisThread(configs, workers);
  const texts = new BlockTextCollector();
  const interactive = environment.stderrIsTTY && !environment.ci;
  // The number of requests is not known before the files are read: progress counts pairs.
  const progress = createProgressReporter(0, interactive);
  let result;
  try {
    result = await runStreamedReplay(
      {
        items: items(),
        configs,
        tokenizer: options.tokenizer ?? environment.tokenizer,
        argv: options.argv,
        workers,
        projectRoot: environment.projectRoot,
        gitShaOverride: environment.gitShaOverride,
        screening: () => (screening === null ? [] : [screening]),
      },
      { ...progress, onBlock: (row, before, after) => texts.add(row, before, after) },
    );
  } finally {
    progress.stop();
  }
  if (result.traces.length === 0)
    throw new PathError(
      options.out ?? '.',
      shard === undefined
        ? 'no traces to replay'
        : `--shard ${formatShard(shard)} gets no traces: the files hold ${seen}`,
    );
  // Said once every trace streamed in good: an error in a file is then the only line printed.
  process.stderr.write(
    `replayed ${result.traces.length} ${result.traces.length === 1 ? 'trace' : 'traces'} through ${configList(configs)}\n`,
  );
  if (derive)
    process.stderr.write(
      `no --probes given: derived ${derived} probes from the traces' tool outputs (see terse probes derive)\n`,
    );
  if (shard !== undefined)
    process.stderr.write(`shard ${formatShard(shard)}: ${result.traces.length} of ${seen} traces\n`);
  return reportRun(result, { out: options.out, json: options.json, texts });
}
