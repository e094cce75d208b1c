import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { ConfigError, PathError } from '../../errors.ts';
import { readTuneGrid } from './tune-grid.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-tune-grid-'));
const corpusGrid = path.join(environment.projectRoot, 'examples', 'tune-grid-corpus.json');

function grid(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('a tune grid', () => {
  it('expands the bundled corpus grid into every combination but the one that is balanced itself', () => {
    const expanded = readTuneGrid(corpusGrid, 128, { profile: 'balanced' });
    // 2 x 2^4 combinations; minBlockTokens 50 with every compressor left to the profile is balanced.
    expect(expanded.points).toHaveLength(31);
    expect(expanded.points[0]).toMatchObject({
      name: 'tune-01',
      settings: { minBlockTokens: 25, 'profileByCompressor.log': null },
      options: { profile: 'balanced', minBlockTokens: 25 },
    });
    expect(expanded.points.at(-1)).toMatchObject({
      name: 'tune-31',
      options: {
        minBlockTokens: 50,
        profileByCompressor: { json: 'aggressive', log: 'aggressive', search: 'aggressive', text: 'aggressive' },
      },
    });
    expect(new Set(expanded.points.map((point) => JSON.stringify(point.options))).size).toBe(31);
  });

  it('keeps once the points that behave alike, whatever their spelling', () => {
    const expanded = readTuneGrid(
      grid('alike.json', {
        version: 1,
        base: { profile: 'aggressive' },
        axes: { 'profileByCompressor.log': [null, 'aggressive', 'balanced'] },
      }),
      10,
    );
    expect(expanded.points.map((point) => point.options)).toEqual([
      { profile: 'aggressive' },
      { profile: 'aggressive', profileByCompressor: { log: 'balanced' } },
    ]);
  });

  it('checks every point as a config file, naming the grid and the point', () => {
    expect(() =>
      readTuneGrid(grid('profile.json', { version: 1, axes: { profile: ['balanced', 'extreme'] } }), 10),
    ).toThrow(/profile\.json: point 2 \{"profile":"extreme"\}: profile/);
    expect(() =>
      readTuneGrid(grid('compressor.json', { version: 1, axes: { 'profileByCompressor.logs': ['aggressive'] } }), 10),
    ).toThrow(/no such compressor/);
    expect(() => readTuneGrid(grid('axis.json', { version: 1, axes: { deadlineMs: [10] } }), 10)).toThrow(
      /axes\.deadlineMs: not an axis/,
    );
    expect(() => readTuneGrid(grid('twice.json', { version: 1, axes: { minBlockTokens: [25, 25] } }), 10)).toThrow(
      /lists a value twice/,
    );
    expect(() => readTuneGrid(grid('version.json', { version: 2, axes: { minBlockTokens: [25] } }), 10)).toThrow(
      ConfigError,
    );
    expect(() => readTuneGrid(grid('broken.json', '{"version": 1, "axes": '), 10)).toThrow(/not JSON/);
    expect(() => readTuneGrid(path.join(dir, 'absent.json'), 10)).toThrow(PathError);
  });

  it('refuses more points than asked for, and a grid with nothing but the reference', () => {
    expect(() => readTuneGrid(corpusGrid, 30, { profile: 'balanced' })).toThrow(
      /make 31 points, more than --max-points 30/,
    );
    expect(() =>
      readTuneGrid(grid('reference.json', { version: 1, axes: { minBlockTokens: [50] } }), 10, { profile: 'balanced' }),
    ).toThrow(/no point that differs/);
  });
});
