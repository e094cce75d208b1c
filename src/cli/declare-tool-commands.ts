/** The commands around the engine and its inputs: import, probes, compress, retrieve, models (declared only; each action loads its module when it runs). */
import type { Command } from 'commander';
import type { Profile } from '../types.ts';
import { profileOption } from './option-parsers.ts';
import { run } from './run-action.ts';

/** Declares them on `program`, in the order `--help` lists them. */
export function declareToolCommands(program: Command): void {
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
      run(async () => (await import('./import-command.ts')).importCommand(file, opts.out, opts.force)),
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
      run(async () => (await import('./probes-command.ts')).probesCheckCommand(probes, traces)),
    );
  probesGroup
    .command('derive')
    .description("derive probes from the traces' tool outputs (what replay scores when given none)")
    .argument('<traces...>', 'trace files or folders')
    .option('-o, --out <file>', 'the probes JSONL file to write (default, or -: stdout)')
    .option('-f, --force', 'overwrite --out when it exists', false)
    .action((traces: string[], opts: { out?: string; force: boolean }) =>
      run(async () =>
        (await import('./probes-command.ts')).probesDeriveCommand(
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
        (await import('./compress-command.ts')).compressCommand({
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
      run(async () => (await import('./compress-command.ts')).retrieveCommand(ref, opts.query)),
    );

  const modelsGroup = program.command('models').description('the token-classification text models `--text-model` uses');
  modelsGroup
    .command('add')
    .description('check a model folder (config.json, tokenizer.json, ONNX) and copy it where the CLI finds it')
    .argument('<dir>', 'a folder in the Kompress / LLMLingua-2 layout')
    .option('--name <name>', 'the name to register it under (default: the folder name)')
    .action((dir: string, opts: { name?: string }) =>
      run(async () => (await import('./models-command.ts')).modelsAddCommand(dir, opts.name)),
    );
  modelsGroup
    .command('list')
    .description('list the registered models')
    .action(() => run(async () => (await import('./models-command.ts')).modelsListCommand()));
  modelsGroup
    .command('pull')
    .description('fetch a model from the hub (HF_ENDPOINT) when it is reachable')
    .argument('<id>', 'owner/name on the hub')
    .action((id: string) => run(async () => (await import('./models-command.ts')).modelsPullCommand(id)));
}
