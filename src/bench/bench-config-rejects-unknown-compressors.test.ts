import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { createEngine } from '../engine/create-engine.ts';
import { resolveBenchConfig } from './bench-config.ts';

describe('a configuration naming a compressor that does not exist (issue 18: "jsonn" ran silently at 0%)', () => {
  it('is a ConfigError naming the file, the field and the name, before anything runs', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'terse-config-')), 'typo.json');
    writeFileSync(file, JSON.stringify({ name: 'typo', profile: 'balanced', compressors: ['json', 'jsonn'] }));
    expect(() => resolveBenchConfig(file)).toThrow(ConfigError);
    expect(() => resolveBenchConfig(file)).toThrow(
      /typo\.json: compressors: unknown compressor "jsonn" \(known: .*json-minify/,
    );
  });

  it('is a ConfigError from the engine too, for a library caller', async () => {
    await expect(createEngine({ compressors: ['jsonn'] })).rejects.toThrow(
      /config compressors: unknown compressor "jsonn"/,
    );
    await expect(createEngine({ compressors: ['json'] })).resolves.toBeDefined();
  });
});
