/**
 * The names of the built-in configurations, apart from their implementations so `terse --help` can
 * list them without loading the engine. bench-config.ts keys its table by this type.
 */

/** Every built-in configuration, in the order `--help` lists them. */
export const BUILTIN_CONFIG_NAMES = [
  'none',
  'json-minify',
  'lossless',
  'balanced',
  'aggressive',
  'text-model',
  'drop-all',
  'drop-all-bare',
  'head-tail',
  'rolling-window',
  'toon',
  'rewrite-history',
] as const;

/** A built-in configuration's name. */
export type BuiltinConfigName = (typeof BUILTIN_CONFIG_NAMES)[number];

/**
 * What `terse replay` runs when no `--config` is named: the identity baseline, terse's three profiles,
 * and `drop-all`, the destructive baseline: it costs no compression time and shows, beside the
 * profiles, what the fidelity columns look like when every tool output is gone.
 */
export const DEFAULT_REPLAY_CONFIGS: readonly BuiltinConfigName[] = [
  'none',
  'lossless',
  'balanced',
  'aggressive',
  'drop-all',
];
