/** Bench configurations: named engine options. Built-ins live here; more can come from JSON files. */
import { readFileSync } from 'node:fs';
import { ConfigError, PathError } from '../errors.ts';
import type { EngineOptions } from '../engine/engine-options.ts';
import type { Profile } from '../types.ts';

/** One configuration the bench replays every trace through. */
export interface BenchConfig {
  readonly name: string;
  readonly description: string;
  readonly engine: Partial<EngineOptions>;
}

export const BUILTIN_CONFIGS: Readonly<Record<string, BenchConfig>> = {
  none: { name: 'none', description: 'identity: every block passes unchanged (the baseline)', engine: { compressors: [] } },
  'json-minify': {
    name: 'json-minify',
    description: 'JSON tool results re-serialised compactly (lossless: same values)',
    engine: { profile: 'lossless', compressors: ['json-minify'] },
  },
  lossless: { name: 'lossless', description: 'every compressor, no marker ever', engine: { profile: 'lossless' } },
  balanced: { name: 'balanced', description: 'every compressor; what is dropped is stored and marked (default)', engine: { profile: 'balanced' } },
  aggressive: { name: 'aggressive', description: 'every compressor, smallest budgets', engine: { profile: 'aggressive' } },
};

/** The configurations `npm run bench` replays when none is named. */
export const DEFAULT_BENCH_CONFIGS: readonly string[] = ['none', 'json-minify'];

const PROFILES: readonly Profile[] = ['lossless', 'balanced', 'aggressive'];

function parseConfigFile(file: string): BenchConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PathError(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, `not JSON: ${(error as Error).message}`);
  }
  const v = value as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || typeof v.name !== 'string' || v.name === '') throw new ConfigError(`${file}: name`, 'missing or not a string');
  const engine: Record<string, unknown> = {};
  if (v.profile !== undefined) {
    if (!PROFILES.includes(v.profile as Profile)) throw new ConfigError(`${file}: profile`, `must be one of ${PROFILES.join(', ')}`);
    engine.profile = v.profile;
  }
  if (v.compressors !== undefined) {
    if (!Array.isArray(v.compressors) || !v.compressors.every((c) => typeof c === 'string')) throw new ConfigError(`${file}: compressors`, 'must be an array of names');
    engine.compressors = v.compressors;
  }
  if (v.minBlockTokens !== undefined) {
    if (!Number.isInteger(v.minBlockTokens) || (v.minBlockTokens as number) < 0) throw new ConfigError(`${file}: minBlockTokens`, 'must be a non-negative integer');
    engine.minBlockTokens = v.minBlockTokens;
  }
  if (v.excludeTools !== undefined) {
    if (!Array.isArray(v.excludeTools) || !v.excludeTools.every((c) => typeof c === 'string')) throw new ConfigError(`${file}: excludeTools`, 'must be an array of globs');
    engine.excludeTools = v.excludeTools;
  }
  return { name: v.name, description: typeof v.description === 'string' ? v.description : `from ${file}`, engine: engine as Partial<EngineOptions> };
}

/** A built-in by name, or a JSON file `{ name, profile?, compressors?, minBlockTokens?, excludeTools? }`. */
export function resolveBenchConfig(nameOrFile: string): BenchConfig {
  const builtin = BUILTIN_CONFIGS[nameOrFile];
  if (builtin) return builtin;
  if (nameOrFile.endsWith('.json')) return parseConfigFile(nameOrFile);
  throw new ConfigError(nameOrFile, `unknown configuration (built-in: ${Object.keys(BUILTIN_CONFIGS).join(', ')}; or a .json file)`);
}
