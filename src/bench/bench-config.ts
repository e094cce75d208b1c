/**
 * Bench configurations: terse's profiles, the baselines every profile is measured against, and JSON
 * files of engine options. Each opens a replay strategy; the replay treats them all alike.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, PathError } from '../errors.ts';
import type { EngineOptions } from '../engine/engine-options.ts';
import { engineOptionsOf } from './config-engine-options.ts';
import { openDropAll } from './baselines/drop-all.ts';
import { openDropAllBare } from './baselines/drop-all-bare.ts';
import { openHeadTail } from './baselines/head-tail.ts';
import { openRollingWindow } from './baselines/rolling-window.ts';
import { openToon } from './baselines/toon.ts';
import { openRewriteHistory } from './baselines/rewrite-history.ts';
import { engineStrategy } from './strategy/engine-strategy.ts';
import type { OpenStrategy } from './strategy/replay-strategy.ts';
import { loadPluginConfig, MODULE_PREFIX } from './plugins/load-plugin-config.ts';
import type { ConfigSource } from './config-source.ts';
import { externalProxyStrategy } from './external-proxy/external-proxy-strategy.ts';
import { DEFAULT_REPLAY_CONFIGS, type BuiltinConfigName } from './builtin-config-names.ts';
import { BUNDLED_TEXT_MODEL_DIR } from '../compressors/text-model/text-model-options.ts';

/**
 * What a configuration is for: terse's own (`profile`), a reference point every profile is measured
 * against (`baseline`, labelled as such in every table and chart), or one a user supplied (`custom`).
 */
export type ConfigRole = 'profile' | 'baseline' | 'custom';

/** One configuration the bench replays every trace through. */
export interface BenchConfig {
  readonly name: string;
  readonly description: string;
  readonly role: ConfigRole;
  readonly open: OpenStrategy;
  /** How to open it again in a worker thread; absent, it replays only in this thread. */
  readonly source?: ConfigSource;
}

function engineConfig(
  name: string,
  description: string,
  engine: Partial<EngineOptions>,
  role: ConfigRole = 'profile',
): BenchConfig {
  return { name, description, role, open: engineStrategy(engine) };
}

/** A configuration of engine options (a JSON config file, a point `terse tune` tries) that worker threads can open too. */
export function customEngineConfig(name: string, description: string, engine: Partial<EngineOptions>): BenchConfig {
  return {
    ...engineConfig(name, description, engine, 'custom'),
    source: { kind: 'engine', name, description, options: engine },
  };
}

/** Each built-in, tagged with its name as its source. */
function builtins<K extends string>(configs: Record<K, BenchConfig>): Readonly<Record<K, BenchConfig>> {
  return Object.fromEntries(
    Object.entries<BenchConfig>(configs).map(([name, config]) => [
      name,
      { ...config, source: { kind: 'builtin', name } },
    ]),
  ) as Record<K, BenchConfig>;
}

export const BUILTIN_CONFIGS: Readonly<Record<BuiltinConfigName, BenchConfig>> = builtins<BuiltinConfigName>({
  none: engineConfig(
    'none',
    'identity: every block passes unchanged (the baseline)',
    { compressors: [], repeats: false, retrieveToolFromStart: false, cacheAligner: false },
    'baseline',
  ),
  'json-minify': engineConfig('json-minify', 'JSON tool results re-serialised compactly (lossless: same values)', {
    profile: 'lossless',
    compressors: ['json-minify'],
  }),
  lossless: engineConfig('lossless', 'every compressor, no marker ever', { profile: 'lossless' }),
  balanced: engineConfig('balanced', 'every compressor; what is dropped is stored and marked (default)', {
    profile: 'balanced',
  }),
  aggressive: engineConfig('aggressive', 'every compressor, smallest budgets', { profile: 'aggressive' }),
  // No wall clock decides a block in a bench: the model's own deadline stays off (null, its default).
  'text-model': engineConfig(
    'text-model',
    "balanced, with prose kept or dropped word by word by terse's bundled text model (models/terse-text-keep)",
    {
      profile: 'balanced',
      textModel: BUNDLED_TEXT_MODEL_DIR,
    },
  ),
  'drop-all': {
    name: 'drop-all',
    description: 'baseline: every tool output behind one marker (stored, retrievable)',
    role: 'baseline',
    open: openDropAll,
  },
  'drop-all-bare': {
    name: 'drop-all-bare',
    description: 'baseline: every tool output replaced by a one-line notice, nothing stored',
    role: 'baseline',
    open: openDropAllBare,
  },
  'head-tail': {
    name: 'head-tail',
    description: 'baseline: each tool output cut to its first and last 20 lines, no marker',
    role: 'baseline',
    open: openHeadTail,
  },
  'rolling-window': {
    name: 'rolling-window',
    description:
      "baseline: Headroom's rolling window; tool outputs older than the newest 8,000 tokens of them dropped behind markers",
    role: 'baseline',
    open: openRollingWindow,
  },
  'rewrite-history': {
    name: 'rewrite-history',
    description:
      'baseline: a proxy that is not byte-faithful; every request compressed from scratch by balanced (earlier tool outputs compressed again, so their bytes may change) and written whole with JSON.stringify',
    role: 'baseline',
    open: openRewriteHistory,
  },
  toon: {
    name: 'toon',
    description: 'baseline: JSON tool outputs re-encoded as TOON (@toon-format/toon), lossless',
    role: 'baseline',
    open: openToon,
  },
});

/** The destructive baselines: a fidelity measure that cannot tell these from a profile is broken. */
export const DESTRUCTIVE_BASELINES: readonly string[] = ['drop-all', 'drop-all-bare', 'head-tail', 'rolling-window'];

/** The configurations `terse replay` runs when none is named (builtin-config-names.ts says why). */
export const DEFAULT_BENCH_CONFIGS: readonly string[] = DEFAULT_REPLAY_CONFIGS;

function parseConfigFile(file: string): BenchConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PathError(
      file,
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, `not JSON: ${(error as Error).message}`);
  }
  const v = value as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || typeof v.name !== 'string' || v.name === '')
    throw new ConfigError(`${file}: name`, 'missing or not a string');
  const engine = engineOptionsOf(file, v);
  return customEngineConfig(v.name, typeof v.description === 'string' ? v.description : `from ${file}`, engine);
}

/** A built-in by name, or a JSON file `{ name, description?, ...engine fields }` (config-engine-options.ts lists them). */
export function resolveBenchConfig(nameOrFile: string): BenchConfig {
  const builtin = Object.hasOwn(BUILTIN_CONFIGS, nameOrFile)
    ? BUILTIN_CONFIGS[nameOrFile as BuiltinConfigName]
    : undefined;
  if (builtin) return builtin;
  if (nameOrFile.endsWith('.json')) return parseConfigFile(nameOrFile);
  throw new ConfigError(
    nameOrFile,
    `unknown configuration (built-in: ${Object.keys(BUILTIN_CONFIGS).join(', ')}; a .json file; or module:PATH)`,
  );
}

/** How `--config` values that need more than a name are opened. */
export interface ConfigResolution {
  /** The loopback port the capture upstream of `proxy:URL` configs listens on (0: any free one). @default 8788 */
  readonly capturePort: number;
}

/** The prefix of an external proxy among `--config` values. */
export const PROXY_PREFIX = 'proxy:';

/** `proxy:URL`: the bench replays through the proxy at URL, its upstream being the capture server. */
function proxyConfig(value: string, capturePort: number): BenchConfig {
  const url = value.slice(PROXY_PREFIX.length);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(value, 'not a URL after proxy:');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new ConfigError(value, 'the proxy URL must be http(s)');
  return {
    name: `proxy@${parsed.host}`,
    description: `external proxy at ${url}, its upstream at http://127.0.0.1:${capturePort}`,
    role: 'custom',
    open: externalProxyStrategy(`proxy@${parsed.host}`, url, capturePort),
  };
}

/** Every `--config` value resolved: plug-in modules (`module:PATH`) loaded, external proxies (`proxy:URL`); names must be unique. */
export async function resolveBenchConfigs(
  values: readonly string[],
  resolution: ConfigResolution = { capturePort: 8788 },
): Promise<BenchConfig[]> {
  const configs: BenchConfig[] = [];
  for (const value of values) {
    // A proxy config has no source: its capture server lives in this thread, so its pairs replay here.
    if (value.startsWith(MODULE_PREFIX))
      configs.push({ ...(await loadPluginConfig(value)), source: { kind: 'module', value } });
    else if (value.startsWith(PROXY_PREFIX)) configs.push(proxyConfig(value, resolution.capturePort));
    else configs.push(resolveBenchConfig(value));
  }
  const seen = new Set<string>();
  for (const config of configs) {
    if (seen.has(config.name)) throw new ConfigError(config.name, 'two configurations have this name');
    seen.add(config.name);
  }
  return configs;
}
