import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairResult } from '../bench/replay-rows.ts';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { summarize } from './summarize.ts';
import { writeReport, type ReportPaths } from './write-report.ts';

let tempDir: string;
let paths: ReportPaths;
let instance: DuckDBInstance;
let connection: DuckDBConnection;

const okPairs = SMOKE_RUN.pairs.filter((pair): pair is Extract<PairResult, { state: 'ok' }> => pair.state === 'ok');
const requestRows = okPairs.flatMap((pair) => pair.requests);
const blockRows = okPairs.flatMap((pair) => pair.blocks);
const probeRows = okPairs.flatMap((pair) => pair.probes);

async function one(sql: string): Promise<Record<string, unknown>> {
  const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
  const row = rows[0];
  if (row === undefined) throw new Error(`no row from ${sql}`);
  return row;
}

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'terse-report-'));
  paths = await writeReport(SMOKE_RUN, path.join(tempDir, SMOKE_RUN.run.id));
  instance = await DuckDBInstance.create(paths.files['results.duckdb'], { access_mode: 'READ_ONLY' });
  connection = await instance.connect();
});

afterAll(async () => {
  connection?.closeSync();
  instance?.closeSync();
  await rm(tempDir, { recursive: true, force: true });
});

describe('results.duckdb', () => {
  it('tags every table with run_id, and row tables with trace and config', async () => {
    const columns = (
      await connection.runAndReadAll(
        'SELECT table_name, list(column_name ORDER BY column_name) AS names FROM information_schema.columns GROUP BY ALL ORDER BY table_name',
      )
    ).getRowObjectsJS();
    expect(columns.map((row) => row.table_name)).toEqual([
      'blocks',
      'cache',
      'configs',
      'live',
      'live_runs',
      'pairs',
      'probes',
      'requests',
      'runs',
      'traces',
    ]);
    for (const row of columns) {
      expect(row.names).toContain('run_id');
      if (['requests', 'blocks', 'probes', 'pairs'].includes(String(row.table_name)))
        expect(row.names).toEqual(expect.arrayContaining(['trace', 'config']));
    }
    expect(await one('SELECT started_at::VARCHAR AS started FROM runs')).toEqual({
      started: '2026-11-25 15:40:23.123',
    });
  });

  it('has one row per run and trace, each with the run id', async () => {
    expect(await one('SELECT count(*) AS n, any_value(run_id) AS id, any_value(configs) AS configs FROM runs')).toEqual(
      {
        n: 1n,
        id: SMOKE_RUN.run.id,
        configs: ['none', 'json-minify'],
      },
    );
    expect(
      await one(
        "SELECT count(*) AS n, count(*) FILTER (WHERE run_id = '2026-11-25T154023Z-a1b2c3d') AS tagged, sum(messages) AS messages FROM traces",
      ),
    ).toEqual({
      n: BigInt(SMOKE_RUN.traces.length),
      tagged: BigInt(SMOKE_RUN.traces.length),
      messages: 41n,
    });
  });

  it('holds every request row, with the same token sums', async () => {
    const sums = await one(
      'SELECT count(*) AS n, sum(tokens_before) AS before, sum(tokens_after) AS after, sum(compressible_after) AS compressible, round(sum(compress_ms), 6) AS ms, count(DISTINCT run_id) AS runs FROM requests',
    );
    const total = (pick: (row: (typeof requestRows)[number]) => number) =>
      requestRows.reduce((sum, row) => sum + pick(row), 0);
    expect(sums).toEqual({
      n: BigInt(requestRows.length),
      before: BigInt(total((row) => row.tokens_before)),
      after: BigInt(total((row) => row.tokens_after)),
      compressible: BigInt(total((row) => row.compressible_after)),
      ms: Math.round(total((row) => row.compress_ms) * 1e6) / 1e6,
      runs: 1n,
    });
  });

  it('holds every block and probe row, nulls included', async () => {
    expect(
      await one(
        'SELECT count(*) AS n, sum(tokens_before) AS before, count(compressor) AS with_compressor, count(*) FILTER (WHERE lossy) AS lossy FROM blocks',
      ),
    ).toEqual({
      n: BigInt(blockRows.length),
      before: BigInt(blockRows.reduce((sum, row) => sum + row.tokens_before, 0)),
      with_compressor: BigInt(blockRows.filter((row) => row.compressor !== null).length),
      lossy: 0n,
    });
    expect(
      await one(
        'SELECT count(*) AS n, count(*) FILTER (WHERE live_only) AS live, count(outcome) AS scored, sum(retrieval_tokens) AS retrieval FROM probes',
      ),
    ).toEqual({
      n: BigInt(probeRows.length),
      live: BigInt(probeRows.filter((row) => row.live_only).length),
      scored: BigInt(probeRows.filter((row) => row.outcome !== null).length),
      retrieval: BigInt(probeRows.reduce((n, row) => n + row.retrieval_tokens, 0)),
    });
    expect(
      await one(
        "SELECT count(*) FILTER (WHERE point = 'first') AS first, count(*) FILTER (WHERE NOT discriminating) AS nd, sum(retrieval_calls) AS calls FROM probes",
      ),
    ).toEqual({
      first: BigInt(probeRows.filter((row) => row.point === 'first').length),
      nd: BigInt(probeRows.filter((row) => !row.discriminating).length),
      calls: BigInt(probeRows.reduce((n, row) => n + row.retrieval_calls, 0)),
    });
    expect(await one("SELECT string_agg(name || ':' || role, ',' ORDER BY name) AS roles FROM configs")).toEqual({
      roles: 'json-minify:profile,none:baseline',
    });
  });

  it('records every pair in pairs, the errored one with its error', async () => {
    expect(await one("SELECT count(*) AS n, count(*) FILTER (WHERE state = 'ok') AS ok FROM pairs")).toEqual({
      n: BigInt(SMOKE_RUN.pairs.length),
      ok: BigInt(okPairs.length),
    });
    expect(await one("SELECT trace, config, error FROM pairs WHERE state = 'errored'")).toEqual({
      trace: 'sre-oom-kill',
      config: 'json-minify',
      error: 'InvalidRequestError: request field messages[4].content: expected an array of blocks',
    });
    expect(
      await one("SELECT count(*) AS n FROM requests WHERE trace = 'sre-oom-kill' AND config = 'json-minify'"),
    ).toEqual({ n: 0n });
  });

  it("agrees with summary.json on every pair's tokens", async () => {
    const summary = JSON.parse(await readFile(paths.files['summary.json'], 'utf8')) as unknown;
    expect(summary).toEqual(summarize(SMOKE_RUN));
    const rows = (
      await connection.runAndReadAll(
        'SELECT trace, config, sum(tokens_before)::DOUBLE AS before, sum(tokens_after)::DOUBLE AS after FROM requests GROUP BY ALL',
      )
    ).getRowObjectsJS();
    for (const result of summarize(SMOKE_RUN).results) {
      expect(rows).toContainEqual({
        trace: result.trace,
        config: result.config,
        before: result.tokens_before,
        after: result.tokens_after,
      });
    }
  });
});
