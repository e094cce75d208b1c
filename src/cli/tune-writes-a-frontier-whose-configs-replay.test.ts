import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { resolveBenchConfig } from '../bench/bench-config.ts';
import type { Summary } from '../report/summary.ts';
import type { TuneScore } from '../report/tune-scores.ts';
import type { TuneSummary } from '../report/tune-summary.ts';
import { sourceCli } from './source-cli.ts';

/** This checkout's sources (bin/terse.js would run whatever dist/ a last build left). */
const terseCli = sourceCli(environment.projectRoot);
const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-tune-'));
const out = path.join(dir, 'tune');

function terse(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [...terseCli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', TERSE_REPORTS_DIR: path.join(dir, 'reports') },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dominates = (b: TuneScore, a: TuneScore): boolean =>
  b.effective_reduction >= a.effective_reduction &&
  b.lost <= a.lost &&
  (b.effective_reduction > a.effective_reduction || b.lost < a.lost);

let run: ReturnType<typeof terse>;
let tune: TuneSummary;

beforeAll(() => {
  const grid = path.join(dir, 'grid.json');
  writeFileSync(
    grid,
    JSON.stringify({
      version: 1,
      base: { profile: 'balanced' },
      axes: { 'profileByCompressor.log': [null, 'aggressive'], 'profileByCompressor.text': [null, 'aggressive'] },
    }),
  );
  run = terse(['tune', '--suite', 'local', '--grid', grid, '--workers', '2', '--out', out]);
  tune = JSON.parse(readFileSync(path.join(out, 'tune.json'), 'utf8')) as TuneSummary;
});

describe('terse tune on the local suite', () => {
  it('exits 0 and prints the verdict and the frontier', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`**${tune.verdict.state}**`);
    expect(run.stdout).toContain('## Pareto frontier, search traces');
  });

  it('scores balanced and every point on the search traces, as the search report summarizes them', () => {
    expect(tune.version).toBe(1);
    expect(tune.search.map((score) => score.config)).toEqual(['balanced', 'tune-01', 'tune-02', 'tune-03']);
    const report = JSON.parse(readFileSync(path.join(out, 'search', 'summary.json'), 'utf8')) as Summary;
    for (const score of tune.search) {
      const rows = report.results.filter((row) => row.config === score.config);
      expect(rows).toHaveLength(tune.split.search.length);
      expect(score.tokens_after).toBe(rows.reduce((n, row) => n + row.tokens_after, 0));
      expect(score.lost).toBe(rows.reduce((n, row) => n + row.probes.lost, 0));
    }
  });

  it('keeps exactly the points no other point dominates, and picks one that loses no more than balanced', () => {
    for (const score of tune.search) {
      const onFrontier = tune.frontier.includes(score.config);
      expect(onFrontier, score.config).toBe(!tune.search.some((other) => dominates(other, score)));
    }
    const balanced = tune.search.find((score) => score.config === 'balanced') as TuneScore;
    const chosen = tune.search.find((score) => score.config === tune.chosen);
    if (chosen === undefined) expect(tune.verdict.state).toBe('no-better-point');
    else {
      expect(chosen.lost).toBeLessThanOrEqual(balanced.lost);
      expect(chosen.effective_reduction).toBeGreaterThan(balanced.effective_reduction);
    }
  });

  it('checks the choice on held-out traces the search never saw', () => {
    expect(tune.split.held_out.length).toBeGreaterThan(0);
    expect(tune.split.held_out.filter((id) => tune.split.search.includes(id))).toEqual([]);
    const held = (name: string | null) => tune.held_out.find((score) => score.config === name);
    if (tune.chosen !== null) {
      const [chosen, balanced] = [held(tune.chosen), held('balanced')];
      const holds =
        chosen !== undefined &&
        balanced !== undefined &&
        chosen.effective_reduction > balanced.effective_reduction &&
        chosen.lost <= balanced.lost &&
        chosen.fabricated <= balanced.fabricated;
      expect(tune.verdict.state).toBe(holds ? 'confirmed' : 'not-confirmed');
    }
    expect(existsSync(path.join(out, 'held-out', 'results.duckdb'))).toBe(true);
  });

  it('writes each Pareto-optimal point as a config file that opens with its options, and the frontier chart', () => {
    for (const name of tune.frontier.filter((config) => config !== 'balanced')) {
      const config = resolveBenchConfig(path.join(out, 'configs', `${name}.json`));
      expect(config.source).toMatchObject({
        kind: 'engine',
        name,
        options: tune.points.find((point) => point.name === name)?.options,
      });
    }
    expect(statSync(path.join(out, 'frontier.png')).size).toBeGreaterThan(10_000);
    expect(readFileSync(path.join(out, 'frontier.vl.json'), 'utf8')).toContain('held-out traces');
  });

  it('never writes over a tune report, and names a bad grid in one line', () => {
    const again = terse(['tune', '--suite', 'local', '--grid', path.join(dir, 'grid.json'), '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr.trim()).toMatch(/^terse: .*tune: already exists and is not empty/);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, axes: { minBlockTokens: [-1] } }));
    const refused = terse(['tune', '--suite', 'local', '--grid', bad, '--out', path.join(dir, 'never')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(
      /bad\.json: point 1 \{"minBlockTokens":-1\}: minBlockTokens: must be a non-negative integer/,
    );
    expect(existsSync(path.join(dir, 'never'))).toBe(false);
  });
});
