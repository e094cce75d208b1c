import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { resolveBenchConfig } from './bench-config.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-config-files-'));

function file(name: string, value: unknown): string {
  const at = path.join(dir, name);
  writeFileSync(at, JSON.stringify(value));
  return at;
}

describe('a JSON configuration file', () => {
  it('carries its engine options into a source a worker thread can open', () => {
    const config = resolveBenchConfig(
      file('tuned.json', {
        name: 'tuned',
        profile: 'balanced',
        minBlockTokens: 25,
        repeats: false,
        profileByCompressor: { log: 'aggressive', text: 'lossless' },
      }),
    );
    expect(config).toMatchObject({ name: 'tuned', role: 'custom' });
    expect(config.source).toEqual({
      kind: 'engine',
      name: 'tuned',
      description: expect.stringContaining('tuned.json'),
      options: {
        profile: 'balanced',
        minBlockTokens: 25,
        repeats: false,
        profileByCompressor: { log: 'aggressive', text: 'lossless' },
      },
    });
  });

  it('names the field when profileByCompressor names no shipped compressor or no profile', () => {
    expect(() =>
      resolveBenchConfig(file('unknown.json', { name: 'x', profileByCompressor: { logs: 'aggressive' } })),
    ).toThrow(/profileByCompressor\.logs: no such compressor \(shipped: .*log/);
    expect(() =>
      resolveBenchConfig(file('profile.json', { name: 'x', profileByCompressor: { log: 'extreme' } })),
    ).toThrow(ConfigError);
    expect(() => resolveBenchConfig(file('array.json', { name: 'x', profileByCompressor: ['log'] }))).toThrow(
      /must be an object/,
    );
  });
});
