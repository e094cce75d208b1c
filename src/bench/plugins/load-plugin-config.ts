/**
 * `--config module:PATH`: an ES module that exports a strategy (see plugin-api.ts), loaded and checked
 * once, as a bench configuration. A module that cannot load, or exports neither or both of
 * `compressor` and `compressRequest`, is a ConfigError naming the file and what is wrong.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Compressor } from '../../compressors/compressor.ts';
import type { CompressorRegistry } from '../../engine/compressor-registry.ts';
import { ConfigError, PathError } from '../../errors.ts';
import { CONTENT_KINDS, type ContentKind } from '../../types.ts';
import type { BenchConfig } from '../bench-config.ts';
import { engineStrategy } from '../strategy/engine-strategy.ts';
import type { StrategyPlugin } from './plugin-api.ts';
import { requestStrategyAdapter } from './request-strategy-adapter.ts';

/** The prefix that names a plug-in module among `--config` values. */
export const MODULE_PREFIX = 'module:';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The module's plug-in: its default export when that is an object, else its named exports. */
function pluginOf(namespace: Record<string, unknown>): StrategyPlugin {
  return (isObject(namespace.default) ? namespace.default : namespace) as StrategyPlugin;
}

function checkCompressor(file: string, compressor: unknown): Compressor {
  const fail = (field: string, reason: string): never => {
    throw new ConfigError(`${file}: compressor.${field}`, reason);
  };
  if (!isObject(compressor)) return fail('', 'must be an object { name, kinds, compress }');
  if (typeof compressor.name !== 'string' || compressor.name === '') fail('name', 'must be a non-empty string');
  if (
    !Array.isArray(compressor.kinds) ||
    compressor.kinds.length === 0 ||
    !compressor.kinds.every((k) => (CONTENT_KINDS as readonly unknown[]).includes(k))
  ) {
    fail('kinds', `must list content kinds (${CONTENT_KINDS.join(', ')})`);
  }
  if (typeof compressor.compress !== 'function')
    fail('compress', 'must be a function (input, context) => result | null');
  return compressor as unknown as Compressor;
}

/** The compressor alone, for the kinds it declares: blocks of other kinds pass, so the rows measure it. */
function soloRegistry(compressor: Compressor): CompressorRegistry {
  const only = (kind: ContentKind): readonly Compressor[] => (compressor.kinds.includes(kind) ? [compressor] : []);
  return {
    json: only('json'),
    code: only('code'),
    log: only('log'),
    search: only('search'),
    diff: only('diff'),
    html: only('html'),
    table: only('table'),
    text: only('text'),
    mixed: [],
  };
}

/** Loads `module:PATH` (relative to the working directory) as a configuration. */
export async function loadPluginConfig(spec: string): Promise<BenchConfig> {
  const file = path.resolve(spec.slice(MODULE_PREFIX.length));
  if (!existsSync(file)) throw new PathError(file, 'no such file or directory');
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(file, `the module does not load: ${error instanceof Error ? error.message : String(error)}`);
  }
  const plugin = pluginOf(namespace);
  const hasCompressor = plugin.compressor !== undefined;
  const hasRequest = plugin.compressRequest !== undefined;
  if (hasCompressor === hasRequest)
    throw new ConfigError(file, 'must export exactly one of compressor and compressRequest');
  const base =
    typeof plugin.name === 'string' && plugin.name !== ''
      ? plugin.name
      : path.basename(file).replace(/\.[cm]?[jt]s$/, '');
  const name = typeof plugin.version === 'string' && plugin.version !== '' ? `${base}@${plugin.version}` : base;
  const description = `plug-in ${path.basename(file)}${typeof plugin.description === 'string' ? `: ${plugin.description}` : ''}`;
  if (hasCompressor) {
    const compressor = checkCompressor(file, plugin.compressor);
    return { name, description, role: 'custom', open: engineStrategy({ registry: soloRegistry(compressor) }) };
  }
  if (typeof plugin.compressRequest !== 'function')
    throw new ConfigError(`${file}: compressRequest`, 'must be a function (body, context) => body');
  return { name, description, role: 'custom', open: requestStrategyAdapter(name, plugin.compressRequest) };
}
