/**
 * The one schema of results.duckdb: each table's columns, their DuckDB types, and where each value
 * comes from in a RunResult. Every table carries `run_id` so databases of several runs (or shards)
 * can be merged with a plain UNION. Errored pairs live in `pairs` (state = 'errored', error = text);
 * only `ok` pairs contribute rows to requests, blocks and probes.
 */
import type { PairResult, RunResult, RunRow } from '../bench/replay-rows.ts';

/** DuckDB column types the report uses. BIGINT for counts: sums over a big run outgrow INTEGER. */
export type ColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP' | 'VARCHAR[]';

/** A value one cell holds before it is appended. */
export type CellValue = string | number | boolean | null | readonly string[];

/** One column as the database sees it: name, type, and whether it may be NULL. @default nullable false */
export interface ColumnDefinition {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable?: boolean;
}

/** A column plus how to read its value from a source row. */
export interface Column<Row> extends ColumnDefinition {
  readonly get: (row: Row, run: RunRow) => CellValue;
}

/** A table with its source erased: column definitions plus the cells of every row, in column order. */
export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnDefinition[];
  readonly rows: (result: RunResult) => Iterable<readonly CellValue[]>;
  /** A table reports written before it existed lack: merging them treats its absence as no rows. @default false */
  readonly addedLater?: boolean;
}

function defineTable<Row>(
  name: string,
  source: (result: RunResult) => Iterable<Row>,
  columns: readonly Column<Row>[],
): TableSpec {
  return {
    name,
    columns: columns.map(({ name: column, type, nullable }) => ({ name: column, type, nullable })),
    *rows(result) {
      for (const row of source(result)) yield columns.map((column) => column.get(row, result.run));
    },
  };
}

const runId: Column<unknown> = { name: 'run_id', type: 'VARCHAR', get: (_row, run) => run.id };

function* okRows<Row>(result: RunResult, pick: (pair: Extract<PairResult, { state: 'ok' }>) => readonly Row[]) {
  for (const pair of result.pairs) if (pair.state === 'ok') yield* pick(pair);
}

/** Every table of results.duckdb, in creation order. */
export const RESULT_TABLES: readonly TableSpec[] = [
  defineTable('runs', (result) => [result.run], [
    runId,
    { name: 'started_at', type: 'TIMESTAMP', get: (row) => row.started_at },
    { name: 'git_sha', type: 'VARCHAR', get: (row) => row.git_sha },
    { name: 'node', type: 'VARCHAR', get: (row) => row.node },
    { name: 'tokenizer', type: 'VARCHAR', get: (row) => row.tokenizer },
    { name: 'configs', type: 'VARCHAR[]', get: (row) => row.configs },
    { name: 'argv', type: 'VARCHAR', get: (row) => row.argv },
  ]),
  defineTable('traces', (result) => result.traces, [
    runId,
    { name: 'trace', type: 'VARCHAR', get: (row) => row.trace },
    { name: 'workload', type: 'VARCHAR', get: (row) => row.workload },
    { name: 'suite', type: 'VARCHAR', get: (row) => row.suite },
    { name: 'provider', type: 'VARCHAR', get: (row) => row.provider },
    { name: 'source_format', type: 'VARCHAR', get: (row) => row.source_format },
    { name: 'source_file', type: 'VARCHAR', get: (row) => row.source_file },
    { name: 'messages', type: 'BIGINT', get: (row) => row.messages },
    { name: 'requests', type: 'BIGINT', get: (row) => row.requests },
  ]),
  defineTable('pairs', (result) => result.pairs, [
    runId,
    { name: 'trace', type: 'VARCHAR', get: (row) => row.trace },
    { name: 'config', type: 'VARCHAR', get: (row) => row.config },
    { name: 'state', type: 'VARCHAR', get: (row) => row.state },
    { name: 'error', type: 'VARCHAR', nullable: true, get: (row) => (row.state === 'errored' ? row.error : null) },
  ]),
  defineTable('requests', (result) => okRows(result, (pair) => pair.requests), [
    runId,
    { name: 'trace', type: 'VARCHAR', get: (row) => row.trace },
    { name: 'config', type: 'VARCHAR', get: (row) => row.config },
    { name: 'request_index', type: 'BIGINT', get: (row) => row.request_index },
    { name: 'messages', type: 'BIGINT', get: (row) => row.messages },
    { name: 'tokens_before', type: 'BIGINT', get: (row) => row.tokens_before },
    { name: 'tokens_after', type: 'BIGINT', get: (row) => row.tokens_after },
    { name: 'compressible_before', type: 'BIGINT', get: (row) => row.compressible_before },
    { name: 'compressible_after', type: 'BIGINT', get: (row) => row.compressible_after },
    { name: 'compress_ms', type: 'DOUBLE', get: (row) => row.compress_ms },
    { name: 'blocks_changed', type: 'BIGINT', get: (row) => row.blocks_changed },
    { name: 'markers', type: 'BIGINT', get: (row) => row.markers },
    { name: 'volatile_values', type: 'BIGINT', get: (row) => row.volatile_values },
    { name: 'volatile_examples', type: 'VARCHAR', get: (row) => row.volatile_examples },
    { name: 'breakpoints', type: 'BIGINT', get: (row) => row.breakpoints },
  ]),
  defineTable('blocks', (result) => okRows(result, (pair) => pair.blocks), [
    runId,
    { name: 'trace', type: 'VARCHAR', get: (row) => row.trace },
    { name: 'config', type: 'VARCHAR', get: (row) => row.config },
    { name: 'request_index', type: 'BIGINT', get: (row) => row.request_index },
    { name: 'message_index', type: 'BIGINT', get: (row) => row.message_index },
    { name: 'path', type: 'VARCHAR', get: (row) => row.path },
    { name: 'tool_name', type: 'VARCHAR', nullable: true, get: (row) => row.tool_name },
    { name: 'command', type: 'VARCHAR', nullable: true, get: (row) => row.command },
    { name: 'kind', type: 'VARCHAR', get: (row) => row.kind },
    { name: 'compressor', type: 'VARCHAR', nullable: true, get: (row) => row.compressor },
    { name: 'outcome', type: 'VARCHAR', get: (row) => row.outcome },
    { name: 'reason', type: 'VARCHAR', nullable: true, get: (row) => row.reason },
    { name: 'tokens_before', type: 'BIGINT', get: (row) => row.tokens_before },
    { name: 'tokens_after', type: 'BIGINT', get: (row) => row.tokens_after },
    { name: 'lossy', type: 'BOOLEAN', get: (row) => row.lossy },
    { name: 'markers', type: 'BIGINT', get: (row) => row.markers },
    { name: 'compress_ms', type: 'DOUBLE', get: (row) => row.compress_ms },
  ]),
  defineTable('probes', (result) => okRows(result, (pair) => pair.probes), [
    runId,
    { name: 'trace', type: 'VARCHAR', get: (row) => row.trace },
    { name: 'config', type: 'VARCHAR', get: (row) => row.config },
    { name: 'probe', type: 'VARCHAR', get: (row) => row.probe },
    { name: 'kind', type: 'VARCHAR', get: (row) => row.kind },
    { name: 'live_only', type: 'BOOLEAN', get: (row) => row.live_only },
    { name: 'point', type: 'VARCHAR', get: (row) => row.point },
    { name: 'request_index', type: 'BIGINT', get: (row) => row.request_index },
    { name: 'discriminating', type: 'BOOLEAN', get: (row) => row.discriminating },
    { name: 'ambiguous', type: 'BOOLEAN', get: (row) => row.ambiguous },
    { name: 'outcome', type: 'VARCHAR', nullable: true, get: (row) => row.outcome },
    { name: 'retrieval_calls', type: 'BIGINT', get: (row) => row.retrieval_calls },
    { name: 'retrieval_tokens', type: 'BIGINT', get: (row) => row.retrieval_tokens },
  ]),
  {
    ...defineTable('live', (result) => result.live?.probes ?? [], [
      runId,
      { name: 'trace', type: 'VARCHAR', get: (row) => row.trace },
      { name: 'config', type: 'VARCHAR', get: (row) => row.config },
      { name: 'probe', type: 'VARCHAR', get: (row) => row.probe },
      { name: 'provider', type: 'VARCHAR', get: (row) => row.provider },
      { name: 'model', type: 'VARCHAR', get: (row) => row.model },
      { name: 'kind', type: 'VARCHAR', get: (row) => row.kind },
      { name: 'live_only', type: 'BOOLEAN', get: (row) => row.live_only },
      { name: 'point', type: 'VARCHAR', get: (row) => row.point },
      { name: 'request_index', type: 'BIGINT', get: (row) => row.request_index },
      { name: 'state', type: 'VARCHAR', get: (row) => row.state },
      { name: 'outcome', type: 'VARCHAR', nullable: true, get: (row) => row.outcome },
      { name: 'graded_by', type: 'VARCHAR', nullable: true, get: (row) => row.graded_by },
      { name: 'model_grade', type: 'VARCHAR', nullable: true, get: (row) => row.model_grade },
      { name: 'answer', type: 'VARCHAR', nullable: true, get: (row) => row.answer },
      { name: 'retrieve_calls', type: 'BIGINT', get: (row) => row.retrieve_calls },
      { name: 'model_calls', type: 'BIGINT', get: (row) => row.model_calls },
      { name: 'cached_calls', type: 'BIGINT', get: (row) => row.cached_calls },
      { name: 'input_tokens', type: 'BIGINT', get: (row) => row.input_tokens },
      { name: 'output_tokens', type: 'BIGINT', get: (row) => row.output_tokens },
      { name: 'cache_read_tokens', type: 'BIGINT', get: (row) => row.cache_read_tokens },
      { name: 'cache_write_tokens', type: 'BIGINT', get: (row) => row.cache_write_tokens },
      { name: 'cost_usd', type: 'DOUBLE', nullable: true, get: (row) => row.cost_usd },
      { name: 'grading_cost_usd', type: 'DOUBLE', nullable: true, get: (row) => row.grading_cost_usd },
      { name: 'error', type: 'VARCHAR', nullable: true, get: (row) => row.error },
    ]),
    addedLater: true,
  },
  {
    ...defineTable('live_runs', (result) => (result.live ? [result.live.run] : []), [
      runId,
      {
        name: 'routes',
        type: 'VARCHAR[]',
        get: (row) => row.routes.map((r) => `${r.form}: ${r.provider} ${r.model} at ${r.base_url}`),
      },
      { name: 'max_rounds', type: 'BIGINT', get: (row) => row.max_rounds },
      { name: 'points', type: 'VARCHAR[]', get: (row) => row.points },
      { name: 'budget_usd', type: 'DOUBLE', nullable: true, get: (row) => row.budget_usd },
      { name: 'spent_usd', type: 'DOUBLE', get: (row) => row.spent_usd },
      { name: 'budget_stopped', type: 'BOOLEAN', get: (row) => row.budget_stopped },
      { name: 'prices_as_of', type: 'VARCHAR', get: (row) => row.prices_as_of },
      { name: 'prices_source', type: 'VARCHAR', get: (row) => row.prices_source },
    ]),
    addedLater: true,
  },
  defineTable('cache', (result) => okRows(result, (pair) => pair.cache), [
    runId,
    { name: 'trace', type: 'VARCHAR', get: (row) => row.trace },
    { name: 'config', type: 'VARCHAR', get: (row) => row.config },
    { name: 'request_index', type: 'BIGINT', get: (row) => row.request_index },
    { name: 'provider', type: 'VARCHAR', get: (row) => row.provider },
    { name: 'model', type: 'VARCHAR', get: (row) => row.model },
    { name: 'cache_read_tokens', type: 'BIGINT', get: (row) => row.cache_read_tokens },
    { name: 'cache_write_tokens', type: 'BIGINT', get: (row) => row.cache_write_tokens },
    { name: 'uncached_tokens', type: 'BIGINT', get: (row) => row.uncached_tokens },
    { name: 'cache_bust', type: 'BOOLEAN', get: (row) => row.cache_bust },
    { name: 'cost_usd', type: 'DOUBLE', get: (row) => row.cost_usd },
    { name: 'cost_usd_without', type: 'DOUBLE', get: (row) => row.cost_usd_without },
  ]),
  defineTable('configs', (result) => result.configs, [
    runId,
    { name: 'name', type: 'VARCHAR', get: (row) => row.name },
    { name: 'role', type: 'VARCHAR', get: (row) => row.role },
    { name: 'description', type: 'VARCHAR', get: (row) => row.description },
  ]),
];

/** The CREATE TABLE statement of one table. */
export function createTableSql(table: TableSpec): string {
  const columns = table.columns.map(
    (column) => `  ${quoteIdentifier(column.name)} ${column.type}${column.nullable === true ? '' : ' NOT NULL'}`,
  );
  return `CREATE TABLE ${quoteIdentifier(table.name)} (\n${columns.join(',\n')}\n)`;
}

/** Quotes a SQL identifier; names here are constants, but quoting keeps words like `path` safe. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
