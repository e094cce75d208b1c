/** The commands that tune, merge, compare, view and serve (declared only; each action loads its module when it runs). */
import os from 'node:os';
import type { Command } from 'commander';
import { environment, type TokenizerName } from '../config.ts';
import type { Profile } from '../types.ts';
import { PROXY_DEFAULTS } from './proxy-defaults.ts';
import { DEFAULT_HELD_OUT_SHARE } from '../bench/tune/held-out-split.ts';
import { pointsOption, portOption, profileOption, shareOption, tokenizerOption } from './option-parsers.ts';
import { run } from './run-action.ts';

/** Declares them on `program`, in the order `--help` lists them. */
export function declareRunCommands(program: Command, argv: string): void {
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
          (await import('./tune-command.ts')).tuneCommand({
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
        (await import('./merge-command.ts')).mergeCommand({ runs, out: opts.out, json: opts.json, argv }),
      ),
    );

  program
    .command('compare')
    .description('compare two reports pair by pair (paired bootstrap on the reduction of each trace x config)')
    .argument('<a>', 'baseline report folder or summary.json')
    .argument('<b>', 'report folder or summary.json to compare with it')
    .option('--json', 'print the comparison as JSON', false)
    .action((a: string, b: string, opts: { json: boolean }) =>
      run(async () => (await import('./compare-command.ts')).compareCommand(a, b, opts.json)),
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
        (await import('./view-command.ts')).viewCommand({
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
          (await import('./proxy-command.ts')).proxyCommand({
            ...opts,
            tokenizer: opts.tokenizer ?? environment.tokenizer,
          }),
        ),
    );
}
