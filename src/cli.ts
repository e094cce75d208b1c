/** The `terse` command line: argv -> calls, nothing else. */
import os from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { environment, isTokenizerName, type TokenizerName } from './config.ts';
import { TerseError } from './errors.ts';
import type { Profile } from './types.ts';
import { addLiveFlags, liveFlagsOf, type LiveFlags } from './cli/live-flags.ts';
import { PROXY_DEFAULTS } from './cli/proxy-defaults.ts';
import { EXIT_CODES } from './cli/exit-codes.ts';
import { packageVersion } from './cli/package-version.ts';
import { throwUsageErrors, usageExitCode } from './cli/usage-errors.ts';
import { configHelp, suiteHelp } from './cli/help-lists.ts';
import { DEFAULT_HELD_OUT_SHARE } from './bench/tune/held-out-split.ts';
import { addScaleFlags, scaleFlagsOf, type ScaleFlags } from './cli/scale-flags.ts';

// Each command's action imports its module when it runs: `--help` and `--version` load none of them.
const collect = (value: string, previous: string[]): string[] => [...previous, value];

function tokenizerOption(value: string): TokenizerName {
  if (!isTokenizerName(value)) throw new InvalidArgumentError('must be o200k_base or cl100k_base');
  return value;
}

function shareOption(value: string): number {
  const share = Number(value);
  if (!(share > 0 && share <= 0.5)) throw new InvalidArgumentError('must be a share above 0 and at most 0.5, e.g. 0.3');
  return share;
}

function pointsOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}

function portOption(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('must be a port number, 0 to 65535');
  return port;
}

function profileOption(value: string): Profile {
  if (value !== 'lossless' && value !== 'balanced' && value !== 'aggressive')
    throw new InvalidArgumentError('must be lossless, balanced or aggressive');
  return value;
}

async function run(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    if (error instanceof TerseError) {
      process.stderr.write(`terse: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(
      `terse: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT_CODES.internal;
  }
}

const argv = process.argv.slice(2).join(' ');
const program = throwUsageErrors(new Command('terse'))
  .description('Context compression for LLM agents, and the bench that measures it')
  .version(packageVersion(environment.projectRoot), '-V, --version', 'print the version')
  .addHelpText(
    'after',
    '\nExit codes: 0 ok, 1 a regression or failed check, 2 bad input or usage, 70 an internal error.',
  );

addScaleFlags(
  addLiveFlags(
    program
      .command('replay')
      .description('replay trace files or folders through engine configurations and write a report')
      .argument('<paths...>', 'trace files (Trace v1 or a foreign session format) or folders of them')
      .option(
        '-c, --config <name>',
        'configuration: a built-in name, a JSON file, module:PATH or proxy:URL (repeatable)',
        collect,
        [],
      )
      .option('--capture-port <port>', 'loopback port where proxy:URL configs must send upstream', portOption, 8788)
      .option(
        '-p, --probes <file>',
        'probes JSONL file (repeatable); without one, probes are derived from the traces',
        collect,
        [],
      )
      .option('--no-derive-probes', 'with no probes file, score no fidelity instead of deriving probes')
      .option('-o, --out <dir>', 'report folder (default: ./reports/<run-id>)')
      .option('--tokenizer <name>', 'o200k_base or cl100k_base', tokenizerOption)
      .option('--json', 'print summary.json to stdout instead of the table', false)
      .addHelpText('after', configHelp()),
  ),
).action(
  (
    paths: string[],
    opts: {
      config: string[];
      capturePort: number;
      probes: string[];
      deriveProbes: boolean;
      out?: string;
      json: boolean;
      tokenizer?: TokenizerName;
    } & LiveFlags &
      ScaleFlags,
  ) =>
    run(async () =>
      (await import('./cli/replay-command.ts')).replayCommand({
        paths,
        configs: opts.config,
        capturePort: opts.capturePort,
        probes: opts.probes,
        deriveProbes: opts.deriveProbes,
        out: opts.out,
        json: opts.json,
        tokenizer: opts.tokenizer,
        argv,
        live: liveFlagsOf(opts),
        scale: scaleFlagsOf(opts),
      }),
    ),
);

addScaleFlags(
  addLiveFlags(
    program
      .command('bench')
      .description('run the workload suites (all available, or the ones named)')
      .option('-s, --suite <name>', 'suite name (repeatable)', collect, [])
      .option(
        '-c, --config <name>',
        'configuration: a built-in name, a JSON file, module:PATH or proxy:URL (repeatable)',
        collect,
        [],
      )
      .option('--capture-port <port>', 'loopback port where proxy:URL configs must send upstream', portOption, 8788)
      .option('-o, --out <dir>', 'report folder (default: ./reports/<run-id>)')
      .option('--tokenizer <name>', 'o200k_base or cl100k_base', tokenizerOption)
      .option('--json', 'print summary.json to stdout instead of the table', false)
      .option('--update-readme', 'write the bench table into README.md between its bench markers', false)
      .addHelpText('after', `${suiteHelp(environment.projectRoot)}${configHelp()}`),
  ),
).action(
  (
    opts: {
      suite: string[];
      config: string[];
      capturePort: number;
      out?: string;
      json: boolean;
      tokenizer?: TokenizerName;
      updateReadme: boolean;
    } & LiveFlags &
      ScaleFlags,
  ) =>
    run(async () =>
      (await import('./cli/bench-command.ts')).benchCommand({
        suites: opts.suite,
        configs: opts.config,
        capturePort: opts.capturePort,
        out: opts.out,
        json: opts.json,
        tokenizer: opts.tokenizer,
        updateReadme: opts.updateReadme,
        argv,
        live: liveFlagsOf(opts),
        scale: scaleFlagsOf(opts),
      }),
    ),
);

program
  .command('import')
  .description('convert a foreign session file to Trace v1 JSONL')
  .argument(
    '<file>',
    'Anthropic/OpenAI request JSON, Claude Code JSONL, mini-swe-agent .traj.json, SWE-agent .traj; - for stdin',
  )
  .requiredOption('-o, --out <file>', 'the Trace v1 file to write; - for stdout')
  .option('-f, --force', 'overwrite --out when it exists', false)
  .action((file: string, opts: { out: string; force: boolean }) =>
    run(async () => (await import('./cli/import-command.ts')).importCommand(file, opts.out, opts.force)),
  );

const probesGroup = program.command('probes').description('work with probe files');
probesGroup
  .command('check')
  .description(
    'check that every probe names a known trace, its answers are where it says, and whether it discriminates',
  )
  .argument('<probes>', 'probes JSONL file')
  .argument('<traces...>', 'trace files or folders')
  .action((probes: string, traces: string[]) =>
    run(async () => (await import('./cli/probes-command.ts')).probesCheckCommand(probes, traces)),
  );
probesGroup
  .command('derive')
  .description("derive probes from the traces' tool outputs (what replay scores when given none)")
  .argument('<traces...>', 'trace files or folders')
  .option('-o, --out <file>', 'the probes JSONL file to write (default, or -: stdout)')
  .option('-f, --force', 'overwrite --out when it exists', false)
  .action((traces: string[], opts: { out?: string; force: boolean }) =>
    run(async () =>
      (await import('./cli/probes-command.ts')).probesDeriveCommand(
        traces,
        opts.out === '-' ? undefined : opts.out,
        opts.force,
      ),
    ),
  );

program
  .command('compress')
  .description('compress one tool output (a file, or - for stdin) and print the result')
  .argument('[file]', 'the tool output; its extension hints the language of code', '-')
  .option('--profile <profile>', 'lossless, balanced or aggressive', profileOption, 'balanced' as Profile)
  .option('--json', 'print { output, kind, tokens_before, tokens_after, lossy, markers }', false)
  .option(
    '--text-model [name]',
    'compress prose with a text model: a name `terse models add` registered, a folder, or (alone) the bundled one',
  )
  .action((file: string, opts: { profile: Profile; json: boolean; textModel?: string | true }) =>
    run(async () =>
      (await import('./cli/compress-command.ts')).compressCommand({
        file,
        profile: opts.profile,
        json: opts.json,
        textModel: opts.textModel ?? null,
      }),
    ),
  );

program
  .command('retrieve')
  .description('print the original behind a marker ref (what terse_retrieve returns)')
  .argument('<ref>', 'the 16 hex characters after "terse:" in a marker')
  .option('-q, --query <terms>', 'only the lines or JSON items containing every term')
  .action((ref: string, opts: { query?: string }) =>
    run(async () => (await import('./cli/compress-command.ts')).retrieveCommand(ref, opts.query)),
  );

const modelsGroup = program.command('models').description('the token-classification text models `--text-model` uses');
modelsGroup
  .command('add')
  .description('check a model folder (config.json, tokenizer.json, ONNX) and copy it where the CLI finds it')
  .argument('<dir>', 'a folder in the Kompress / LLMLingua-2 layout')
  .option('--name <name>', 'the name to register it under (default: the folder name)')
  .action((dir: string, opts: { name?: string }) =>
    run(async () => (await import('./cli/models-command.ts')).modelsAddCommand(dir, opts.name)),
  );
modelsGroup
  .command('list')
  .description('list the registered models')
  .action(() => run(async () => (await import('./cli/models-command.ts')).modelsListCommand()));
modelsGroup
  .command('pull')
  .description('fetch a model from the hub (HF_ENDPOINT) when it is reachable')
  .argument('<id>', 'owner/name on the hub')
  .action((id: string) => run(async () => (await import('./cli/models-command.ts')).modelsPullCommand(id)));

program
  .command('tune')
  .description(
    'sweep engine options over a suite, keep the Pareto-optimal configs, confirm the best on held-out traces',
  )
  .requiredOption('-s, --suite <name>', 'the suite to tune on (its traces are split: search and held-out)')
  .requiredOption(
    '-g, --grid <file>',
    'the grid: { version: 1, base: {...}, axes: { field: [values...] } } (docs/tune.md)',
  )
  .option(
    '--held-out <share>',
    'share of each workload held out to confirm the chosen point',
    shareOption,
    DEFAULT_HELD_OUT_SHARE,
  )
  .option('--max-points <n>', 'refuse a grid of more points than this', pointsOption, 128)
  .option(
    '-w, --workers <n>',
    'worker threads replaying pairs at once (default: every core)',
    pointsOption,
    os.availableParallelism(),
  )
  .option('-o, --out <dir>', 'report folder (default: reports/tune-<run-id>)')
  .option('--tokenizer <name>', 'o200k_base or cl100k_base', tokenizerOption)
  .option('--json', 'print tune.json to stdout instead of the tables', false)
  .action(
    (opts: {
      suite: string;
      grid: string;
      heldOut: number;
      maxPoints: number;
      workers: number;
      out?: string;
      tokenizer?: TokenizerName;
      json: boolean;
    }) =>
      run(async () =>
        (await import('./cli/tune-command.ts')).tuneCommand({
          suite: opts.suite,
          grid: opts.grid,
          heldOut: opts.heldOut,
          maxPoints: opts.maxPoints,
          workers: opts.workers,
          out: opts.out,
          tokenizer: opts.tokenizer,
          json: opts.json,
          argv,
        }),
      ),
  );

program
  .command('merge')
  .description("merge the reports of a run's shards (--shard i/n) into one report, through DuckDB")
  .argument('<runs...>', 'the report folders of every shard')
  .option('-o, --out <dir>', 'report folder (default: reports/<run-id>-merged)')
  .option('--json', 'print summary.json to stdout instead of the table', false)
  .action((runs: string[], opts: { out?: string; json: boolean }) =>
    run(async () =>
      (await import('./cli/merge-command.ts')).mergeCommand({ runs, out: opts.out, json: opts.json, argv }),
    ),
  );

program
  .command('compare')
  .description('compare two reports pair by pair (paired bootstrap on the reduction of each trace x config)')
  .argument('<a>', 'baseline report folder or summary.json')
  .argument('<b>', 'report folder or summary.json to compare with it')
  .option('--json', 'print the comparison as JSON', false)
  .action((a: string, b: string, opts: { json: boolean }) =>
    run(async () => (await import('./cli/compare-command.ts')).compareCommand(a, b, opts.json)),
  );

program
  .command('view')
  .description('serve a report on localhost and open it in the browser (the newest under ./reports by default)')
  .argument('[run]', 'a report folder, its report.html, or a run id under the reports folder')
  .option('--compare <run>', 'also show how RUN compares with this baseline report')
  .option('--port <port>', 'port to listen on (0: any free one)', portOption, 0)
  .option('--no-open', 'do not open a browser (print the URL only)')
  .action((run_: string | undefined, opts: { compare?: string; port: number; open: boolean }) =>
    run(async () =>
      (await import('./cli/view-command.ts')).viewCommand({
        run: run_,
        compare: opts.compare,
        port: opts.port,
        open: opts.open,
      }),
    ),
  );

program
  .command('proxy')
  .description('serve a local Anthropic/OpenAI endpoint that compresses requests on their way to the provider')
  .option('--port <port>', 'port to listen on (0: any free one)', portOption, PROXY_DEFAULTS.port)
  .option('--host <host>', 'address to listen on', PROXY_DEFAULTS.host)
  .option('--profile <profile>', 'lossless, balanced or aggressive', profileOption, 'balanced' as Profile)
  .option(
    '--store <store>',
    'memory, files:DIR (shared by processes), duckdb:PATH or redis://HOST:PORT (shared by replicas)',
    'memory',
  )
  .option('--record <dir>', 'write each session as a Trace v1 file in this folder')
  .option('--anthropic-upstream <url>', 'where /v1/messages goes', PROXY_DEFAULTS.anthropicUpstream)
  .option('--openai-upstream <url>', 'where /v1/chat/completions goes', PROXY_DEFAULTS.openaiUpstream)
  .option('--tokenizer <name>', 'o200k_base or cl100k_base', tokenizerOption)
  .option(
    '--compress-history',
    'compress every block not yet decided, not only the newest turn (clients that send everything through the proxy)',
    false,
  )
  .action(
    (opts: {
      port: number;
      host: string;
      profile: Profile;
      store: string;
      record?: string;
      anthropicUpstream: string;
      openaiUpstream: string;
      tokenizer?: TokenizerName;
      compressHistory: boolean;
    }) =>
      run(async () =>
        (await import('./cli/proxy-command.ts')).proxyCommand({
          ...opts,
          tokenizer: opts.tokenizer ?? environment.tokenizer,
        }),
      ),
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = usageExitCode(error, program, process.argv.slice(2), (text) => void process.stderr.write(text));
  if (code === null) throw error;
  process.exitCode = code;
}
