/**
 * The rows of merged shards that belong to a (trace, config) pair, read back typed from the stored
 * tables: requests, blocks, probes and cache rows, each table in the order a run writes it.
 */
import type { BlockRow, CacheRow, ProbeRow, RequestRow } from '../bench/replay-rows.ts';
import { PROBE_KINDS, PROBE_OUTCOMES, SCORING_POINTS } from '../bench/probe.ts';
import { CONTENT_KINDS } from '../types.ts';
import { cacheRowOrder } from '../bench/cache/cache-cost-ledger.ts';
import type { StoredRow, StoredTables } from './read-results-database.ts';
import { flagField, maybeTextField, numberField, oneOfField, textField, type RowPlace } from './stored-row-fields.ts';

/** Every row of `table`, with where it was read (for errors that name it). */
export function rowsOf(tables: StoredTables, table: string): { row: StoredRow; place: RowPlace }[] {
  return (tables[table] ?? []).map((row, index) => ({ row, place: { table, index } }));
}

/** The requests of every pair, in request order. */
export function requestRows(tables: StoredTables): RequestRow[] {
  return rowsOf(tables, 'requests')
    .map(({ row, place }) => ({
      trace: textField(row, 'trace', place),
      config: textField(row, 'config', place),
      request_index: numberField(row, 'request_index', place),
      messages: numberField(row, 'messages', place),
      tokens_before: numberField(row, 'tokens_before', place),
      tokens_after: numberField(row, 'tokens_after', place),
      compressible_before: numberField(row, 'compressible_before', place),
      compressible_after: numberField(row, 'compressible_after', place),
      compress_ms: numberField(row, 'compress_ms', place),
      blocks_changed: numberField(row, 'blocks_changed', place),
      markers: numberField(row, 'markers', place),
      volatile_values: numberField(row, 'volatile_values', place),
      volatile_examples: textField(row, 'volatile_examples', place),
      breakpoints: numberField(row, 'breakpoints', place),
    }))
    .sort((a, b) => a.request_index - b.request_index);
}

/** The blocks of every pair, in request, message and path order. */
export function blockRows(tables: StoredTables): BlockRow[] {
  return rowsOf(tables, 'blocks')
    .map(({ row, place }) => ({
      trace: textField(row, 'trace', place),
      config: textField(row, 'config', place),
      request_index: numberField(row, 'request_index', place),
      message_index: numberField(row, 'message_index', place),
      path: textField(row, 'path', place),
      tool_name: maybeTextField(row, 'tool_name', place),
      command: maybeTextField(row, 'command', place),
      kind: oneOfField(row, 'kind', place, CONTENT_KINDS),
      compressor: maybeTextField(row, 'compressor', place),
      outcome: oneOfField(row, 'outcome', place, ['compressed', 'unchanged', 'failed'] as const),
      reason: maybeTextField(row, 'reason', place),
      tokens_before: numberField(row, 'tokens_before', place),
      tokens_after: numberField(row, 'tokens_after', place),
      lossy: flagField(row, 'lossy', place),
      markers: numberField(row, 'markers', place),
      compress_ms: numberField(row, 'compress_ms', place),
    }))
    .sort(
      (a, b) =>
        a.request_index - b.request_index ||
        a.message_index - b.message_index ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );
}

/** The probes of every pair, first scoring point first. */
export function probeRows(tables: StoredTables): ProbeRow[] {
  return rowsOf(tables, 'probes')
    .map(({ row, place }) => {
      const outcome = maybeTextField(row, 'outcome', place);
      return {
        trace: textField(row, 'trace', place),
        config: textField(row, 'config', place),
        probe: textField(row, 'probe', place),
        kind: oneOfField(row, 'kind', place, PROBE_KINDS),
        live_only: flagField(row, 'live_only', place),
        point: oneOfField(row, 'point', place, SCORING_POINTS),
        request_index: numberField(row, 'request_index', place),
        discriminating: flagField(row, 'discriminating', place),
        ambiguous: flagField(row, 'ambiguous', place),
        outcome: outcome === null ? null : oneOfField(row, 'outcome', place, PROBE_OUTCOMES),
        retrieval_calls: numberField(row, 'retrieval_calls', place),
        retrieval_tokens: numberField(row, 'retrieval_tokens', place),
      };
    })
    .sort(
      (a, b) =>
        (a.point === b.point ? 0 : a.point === 'first' ? -1 : 1) ||
        a.request_index - b.request_index ||
        (a.probe < b.probe ? -1 : a.probe > b.probe ? 1 : 0),
    );
}

/** The cache rows of every pair, in the ledger's order. */
export function cacheRows(tables: StoredTables): CacheRow[] {
  return rowsOf(tables, 'cache')
    .map(({ row, place }) => ({
      trace: textField(row, 'trace', place),
      config: textField(row, 'config', place),
      request_index: numberField(row, 'request_index', place),
      provider: oneOfField(row, 'provider', place, ['anthropic', 'openai'] as const),
      model: textField(row, 'model', place),
      cache_read_tokens: numberField(row, 'cache_read_tokens', place),
      cache_write_tokens: numberField(row, 'cache_write_tokens', place),
      uncached_tokens: numberField(row, 'uncached_tokens', place),
      cache_bust: flagField(row, 'cache_bust', place),
      cost_usd: numberField(row, 'cost_usd', place),
      cost_usd_without: numberField(row, 'cost_usd_without', place),
    }))
    .sort(cacheRowOrder);
}
