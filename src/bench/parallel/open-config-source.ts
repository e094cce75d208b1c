/** Opens a configuration again from its source, as a worker thread does with what the main thread sent. */
import { ConfigError } from '../../errors.ts';
import { BUILTIN_CONFIGS, customEngineConfig, type BenchConfig } from '../bench-config.ts';
import type { ConfigSource } from '../config-source.ts';
import type { BuiltinConfigName } from '../builtin-config-names.ts';
import { loadPluginConfig } from '../plugins/load-plugin-config.ts';

/** The configuration a source describes; the same name, role and options as where it came from. */
export async function configFromSource(source: ConfigSource): Promise<BenchConfig> {
  switch (source.kind) {
    case 'builtin': {
      const config = Object.hasOwn(BUILTIN_CONFIGS, source.name)
        ? BUILTIN_CONFIGS[source.name as BuiltinConfigName]
        : undefined;
      if (config === undefined) throw new ConfigError(source.name, 'unknown built-in configuration');
      return config;
    }
    case 'engine':
      return customEngineConfig(source.name, source.description, source.options);
    case 'module':
      return { ...(await loadPluginConfig(source.value)), source };
  }
}
