/** The `terse` command line: argv -> calls, nothing else. */
import { Command } from 'commander';
import { environment, type TokenizerName } from './config.ts';
import { addLiveFlags, liveFlagsOf, type LiveFlags } from './cli/live-flags.ts';
import { packageVersion } from './cli/package-version.ts';
import { throwUsageErrors, usageExitCode } from './cli/usage-errors.ts';
import { configHelp, suiteHelp } from './cli/help-lists.ts';
import { addScaleFlags, scaleFlagsOf, type ScaleFlags } from './cli/scale-flags.ts';

import { collect, portOption, tokenizerOption } from './cli/option-parsers.ts';
import { run } from './cli/run-action.ts';
import { declareToolCommands } from './cli/declare-tool-commands.ts';
import { declareRunCommands } from './cli/declare-run-commands.ts';

// Each command's action imports its module when it runs: `--help` and `--version` load none of them.

// Each command's action imports its module when it runs: `--help` and `--version` load none of them.
// A reader that stops early (`terse --help | head`) closes the pipe: that ends the output, not in a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
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

declareToolCommands(program);
declareRunCommands(program, argv);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = usageExitCode(error, program, process.argv.slice(2), (text) => void process.stderr.write(text));
  if (code === null) throw error;
  process.exitCode = code;
}
