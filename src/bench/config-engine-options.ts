/**
 * The engine options a JSON configuration sets, read and checked field by field: a config file's
 * (`--config FILE.json`), and each point of a `terse tune` grid. A bad field is a ConfigError that
 * names where it is (`tuned.json: minBlockTokens`).
 */
import { compressorNames } from '../engine/compressor-registry.ts';
import { DEFAULT_REGISTRY } from '../engine/default-registry.ts';
import type { EngineOptions } from '../engine/engine-options.ts';
import { ConfigError } from '../errors.ts';
import type { Profile } from '../types.ts';

export const PROFILES: readonly Profile[] = ['lossless', 'balanced', 'aggressive'];

/** The engine option names a configuration may set. */
export const CONFIG_ENGINE_FIELDS = [
  'profile',
  'compressors',
  'minBlockTokens',
  'repeats',
  'profileByCompressor',
  'excludeTools',
  'retrieveToolFromStart',
  'cacheAligner',
  'expectedLaterRequests',
  'textModel',
] as const;

/** `{ "log": "aggressive", ... }`: names of shipped compressors, each with a profile. */
function parseProfileByCompressor(where: string, value: unknown): Record<string, Profile> {
  const field = `${where}: profileByCompressor`;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigError(field, 'must be an object { compressor: profile }');
  const known = compressorNames(DEFAULT_REGISTRY);
  const out: Record<string, Profile> = {};
  for (const [name, profile] of Object.entries(value)) {
    if (!known.includes(name))
      throw new ConfigError(`${field}.${name}`, `no such compressor (shipped: ${known.join(', ')})`);
    if (!PROFILES.includes(profile as Profile))
      throw new ConfigError(`${field}.${name}`, `must be one of ${PROFILES.join(', ')}`);
    out[name] = profile as Profile;
  }
  return out;
}

function strings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The engine options of a configuration object `v` read from `where`; fields it does not set stay unset. */
export function engineOptionsOf(where: string, v: Readonly<Record<string, unknown>>): Partial<EngineOptions> {
  const engine: { -readonly [K in keyof EngineOptions]?: EngineOptions[K] } = {};
  if (v.profile !== undefined) {
    if (!PROFILES.includes(v.profile as Profile))
      throw new ConfigError(`${where}: profile`, `must be one of ${PROFILES.join(', ')}`);
    engine.profile = v.profile as Profile;
  }
  if (v.compressors !== undefined) {
    if (!strings(v.compressors)) throw new ConfigError(`${where}: compressors`, 'must be an array of names');
    // Said here, before anything runs: a misspelt name would otherwise replay every block unchanged.
    const known = compressorNames(DEFAULT_REGISTRY);
    const unknown = v.compressors.filter((name) => !known.includes(name));
    if (unknown.length > 0)
      throw new ConfigError(
        `${where}: compressors`,
        `unknown compressor ${unknown.map((n) => JSON.stringify(n)).join(', ')} (known: ${known.join(', ')})`,
      );
    engine.compressors = v.compressors;
  }
  if (v.minBlockTokens !== undefined) {
    if (typeof v.minBlockTokens !== 'number' || !Number.isInteger(v.minBlockTokens) || v.minBlockTokens < 0)
      throw new ConfigError(`${where}: minBlockTokens`, 'must be a non-negative integer');
    engine.minBlockTokens = v.minBlockTokens;
  }
  if (v.repeats !== undefined) {
    if (typeof v.repeats !== 'boolean') throw new ConfigError(`${where}: repeats`, 'must be true or false');
    engine.repeats = v.repeats;
  }
  if (v.retrieveToolFromStart !== undefined) {
    if (typeof v.retrieveToolFromStart !== 'boolean')
      throw new ConfigError(`${where}: retrieveToolFromStart`, 'must be true or false');
    engine.retrieveToolFromStart = v.retrieveToolFromStart;
  }
  if (v.cacheAligner !== undefined) {
    if (typeof v.cacheAligner !== 'boolean') throw new ConfigError(`${where}: cacheAligner`, 'must be true or false');
    engine.cacheAligner = v.cacheAligner;
  }
  if (v.expectedLaterRequests !== undefined) {
    if (
      typeof v.expectedLaterRequests !== 'number' ||
      !Number.isInteger(v.expectedLaterRequests) ||
      v.expectedLaterRequests < 0
    ) {
      throw new ConfigError(`${where}: expectedLaterRequests`, 'must be a non-negative integer');
    }
    engine.expectedLaterRequests = v.expectedLaterRequests;
  }
  if (v.textModel !== undefined) {
    if (typeof v.textModel !== 'string' || v.textModel === '')
      throw new ConfigError(`${where}: textModel`, 'must be the path of a model folder');
    engine.textModel = v.textModel;
  }
  if (v.profileByCompressor !== undefined)
    engine.profileByCompressor = parseProfileByCompressor(where, v.profileByCompressor);
  if (v.excludeTools !== undefined) {
    if (!strings(v.excludeTools)) throw new ConfigError(`${where}: excludeTools`, 'must be an array of globs');
    engine.excludeTools = v.excludeTools;
  }
  return engine;
}
