/** `EngineOptions.profileByCompressor`: a compressor named there is asked under its own profile. */
import type { Compressor } from '../compressors/compressor.ts';
import type { ContentKind, Profile } from '../types.ts';
import type { CompressorRegistry } from './compressor-registry.ts';

/** The compressor, asked under `profile` whatever the engine's profile is; same name and kinds. */
function underProfile(compressor: Compressor, profile: Profile): Compressor {
  return {
    name: compressor.name,
    kinds: compressor.kinds,
    compress: (input, context) => compressor.compress(input, { ...context, profile }),
  };
}

/** The registry with every compressor named in `profiles` wrapped to run under its profile; the rest as they are. */
export function withCompressorProfiles(
  registry: CompressorRegistry,
  profiles: Readonly<Record<string, Profile>>,
): CompressorRegistry {
  if (Object.keys(profiles).length === 0) return registry;
  const out = {} as Record<ContentKind, readonly Compressor[]>;
  for (const [kind, list] of Object.entries(registry) as [ContentKind, readonly Compressor[]][]) {
    out[kind] = list.map((compressor) => {
      const profile = profiles[compressor.name];
      return profile === undefined ? compressor : underProfile(compressor, profile);
    });
  }
  return out;
}
