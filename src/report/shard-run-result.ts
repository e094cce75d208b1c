/**
 * The rows of several shards (merged by mergeShardParquet) put back together as one run: one run row,
 * every trace once, every (trace, config) pair once, with its requests, blocks, probes and cache rows. Shards that
 * cannot make one run are refused by name: other code or tokenizer or configurations, a trace or pair
 * in two shards, a shard of `--shard i/n` missing, live answers (not merged).
 */
import { ReportInputError } from '../errors.ts';
import type { ConfigRow, PairResult, RunResult, RunRow, TraceRow } from '../bench/replay-rows.ts';
import type { ProbeScreening } from '../bench/probe-screening.ts';
import { WORKLOADS } from '../bench/trace.ts';
import type { StoredTables } from './read-results-database.ts';
import { blockRows, cacheRows, probeRows, requestRows, rowsOf } from './shard-pair-rows.ts';
import { listField, maybeTextField, numberField, oneOfField, textField } from './stored-row-fields.ts';

/** What the merge knows beside the rows: its own command line and the shards' probe screening. */
export interface MergeContext {
  readonly argv: string;
  /** Per shard report, its summary's probe_screening (every shard screens the whole suites: they must agree). */
  readonly screenings: readonly (readonly ProbeScreening[])[];
}

const SHARD_FLAG = /--shard[ =](\d+)\/(\d+)/;
/** What a merged run's id ends with: the id of its earliest shard, then this. */
const MERGED = '-merged';

function mergedRun(tables: StoredTables, argv: string): RunRow {
  const runs = rowsOf(tables, 'runs').map(({ row, place }) => ({
    id: textField(row, 'run_id', place),
    started_at: textField(row, 'started_at', place),
    git_sha: textField(row, 'git_sha', place),
    node: textField(row, 'node', place),
    tokenizer: oneOfField(row, 'tokenizer', place, ['o200k_base', 'cl100k_base'] as const),
    configs: listField(row, 'configs', place),
    argv: textField(row, 'argv', place),
  }));
  const first = runs.sort((a, b) =>
    a.started_at < b.started_at ? -1 : a.started_at > b.started_at ? 1 : a.id < b.id ? -1 : 1,
  )[0];
  if (first === undefined) throw new ReportInputError('runs', 'no run rows: nothing to merge');
  for (const run of runs) {
    const differs = (what: string, a: string, b: string): void => {
      if (a !== b)
        throw new ReportInputError(
          `run ${run.id}`,
          `${what} ${b}, but run ${first.id} has ${a}: shards of one run must agree`,
        );
    };
    differs('ran git', first.git_sha, run.git_sha);
    differs('counted with', first.tokenizer, run.tokenizer);
    differs('replayed configurations', first.configs.join(', '), run.configs.join(', '));
  }
  checkShardsComplete(runs);
  const nodes = [...new Set(runs.map((run) => run.node))].join(', ');
  // Reading a merged report back keeps its id: merging is idempotent.
  const id = runs.length === 1 && first.id.endsWith(MERGED) ? first.id : `${first.id}${MERGED}`;
  return {
    id,
    started_at: first.started_at,
    git_sha: first.git_sha,
    node: nodes,
    tokenizer: first.tokenizer,
    configs: first.configs,
    argv,
  };
}

/** When the runs are `--shard i/n` runs: the same n, and every i from 1 to n exactly once. */
function checkShardsComplete(runs: readonly { id: string; argv: string }[]): void {
  const shards = runs.map((run) => ({ run, match: SHARD_FLAG.exec(run.argv) }));
  if (shards.every(({ match }) => match === null)) return;
  const counts = new Set(shards.map(({ match }) => match?.[2] ?? 'none'));
  if (counts.size > 1)
    throw new ReportInputError(
      'runs',
      `are shards of different splits (n = ${[...counts].join(', ')}); merge the shards of one --shard i/n run`,
    );
  const count = Number([...counts][0]);
  const seen = new Map<number, string>();
  for (const { run, match } of shards) {
    const index = Number(match?.[1]);
    const other = seen.get(index);
    if (other !== undefined)
      throw new ReportInputError(`run ${run.id}`, `is shard ${index}/${count}, as run ${other} is`);
    seen.set(index, run.id);
  }
  for (let index = 1; index <= count; index++)
    if (!seen.has(index))
      throw new ReportInputError(`shard ${index}/${count}`, 'is missing: merge every shard of the run');
}

function traceRows(tables: StoredTables): TraceRow[] {
  const owner = new Map<string, string>();
  return rowsOf(tables, 'traces').map(({ row, place }) => {
    const trace = textField(row, 'trace', place);
    const run = textField(row, 'run_id', place);
    const other = owner.get(trace);
    if (other !== undefined)
      throw new ReportInputError(`trace ${trace}`, `is in run ${other} and in run ${run}: shards must not overlap`);
    owner.set(trace, run);
    return {
      trace,
      workload: oneOfField(row, 'workload', place, WORKLOADS),
      suite: textField(row, 'suite', place),
      provider: textField(row, 'provider', place),
      source_format: textField(row, 'source_format', place),
      source_file: textField(row, 'source_file', place),
      messages: numberField(row, 'messages', place),
      requests: numberField(row, 'requests', place),
    };
  });
}

const pairKey = (trace: string, config: string): string => JSON.stringify([trace, config]);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function pairRows(tables: StoredTables, run: RunRow, traces: readonly TraceRow[]): PairResult[] {
  const requests = groupBy(requestRows(tables), (row) => pairKey(row.trace, row.config));
  const blocks = groupBy(blockRows(tables), (row) => pairKey(row.trace, row.config));
  const probes = groupBy(probeRows(tables), (row) => pairKey(row.trace, row.config));
  const cache = groupBy(cacheRows(tables), (row) => pairKey(row.trace, row.config));
  const stored = new Map<string, PairResult>();
  for (const { row, place } of rowsOf(tables, 'pairs')) {
    const trace = textField(row, 'trace', place);
    const config = textField(row, 'config', place);
    const key = pairKey(trace, config);
    if (stored.has(key)) throw new ReportInputError(`pair ${trace} x ${config}`, 'was replayed by two shards');
    const state = oneOfField(row, 'state', place, ['ok', 'errored'] as const);
    stored.set(
      key,
      state === 'errored'
        ? { state, trace, config, error: maybeTextField(row, 'error', place) ?? '' }
        : {
            state,
            trace,
            config,
            requests: requests.get(key) ?? [],
            blocks: blocks.get(key) ?? [],
            probes: probes.get(key) ?? [],
            cache: cache.get(key) ?? [],
          },
    );
  }
  // The run's order: config by config, then trace by trace (suites, then trace ids).
  const ordered = [...traces].sort((a, b) =>
    a.suite < b.suite ? -1 : a.suite > b.suite ? 1 : a.trace < b.trace ? -1 : a.trace > b.trace ? 1 : 0,
  );
  const pairs: PairResult[] = [];
  for (const config of run.configs)
    for (const trace of ordered) {
      const pair = stored.get(pairKey(trace.trace, config));
      if (pair !== undefined) pairs.push(pair);
    }
  if (pairs.length !== stored.size)
    throw new ReportInputError('pairs', 'name a trace or configuration no shard replayed');
  return pairs;
}

function configRows(tables: StoredTables, run: RunRow): ConfigRow[] {
  const byName = new Map<string, ConfigRow>();
  for (const { row, place } of rowsOf(tables, 'configs')) {
    const name = textField(row, 'name', place);
    if (!byName.has(name))
      byName.set(name, {
        name,
        role: oneOfField(row, 'role', place, ['profile', 'baseline', 'custom'] as const),
        description: textField(row, 'description', place),
      });
  }
  return run.configs.map((name) => byName.get(name) ?? { name, role: 'custom', description: '' });
}

function screeningOf(screenings: MergeContext['screenings']): readonly ProbeScreening[] {
  const [first = [], ...rest] = screenings;
  const text = JSON.stringify(first);
  if (rest.some((other) => JSON.stringify(other) !== text))
    throw new ReportInputError(
      'probe_screening',
      'differs between shards: they were built from different suites or probes',
    );
  return first;
}

/** One run out of the merged rows of its shards. */
export function runResultOfShards(tables: StoredTables, context: MergeContext): RunResult {
  if ((tables.live ?? []).length > 0 || (tables.live_runs ?? []).length > 0) {
    throw new ReportInputError(
      'live',
      'shards hold live answers; merging live runs is not supported (run --live without --shard)',
    );
  }
  const run = mergedRun(tables, context.argv);
  const traces = traceRows(tables);
  return {
    run,
    configs: configRows(tables, run),
    screening: screeningOf(context.screenings),
    traces,
    pairs: pairRows(tables, run, traces),
  };
}
