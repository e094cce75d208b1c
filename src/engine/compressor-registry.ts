/** Which compressors serve which content kind, in the order they are tried. */
import type { Compressor } from '../compressors/compressor.ts';
import { CompressorKindError, ConfigError } from '../errors.ts';
import { CONTENT_KINDS, type ContentKind } from '../types.ts';

/** Every kind must be listed (the compiler says when one is missing); `mixed` is split, never served whole. */
export type CompressorRegistry = Readonly<Record<ContentKind, readonly Compressor[]>>;

/**
 * `registry`, once every compressor in it is listed only under kinds it declares: a compressor is
 * written for the content its `kinds` name, and routing it other content is a mistake of the registry.
 * Throws CompressorKindError naming the first one that is not.
 */
export function checkedRegistry(registry: CompressorRegistry): CompressorRegistry {
  for (const kind of CONTENT_KINDS) {
    for (const compressor of registry[kind])
      if (!compressor.kinds.includes(kind)) throw new CompressorKindError(compressor.name, kind, compressor.kinds);
  }
  return registry;
}

/**
 * Keeps only the compressors whose names are allowed (null allows all). A name the registry does not
 * hold is a ConfigError: a misspelt `"jsonn"` would otherwise run nothing at 0% and say nothing.
 */
export function restrictRegistry(registry: CompressorRegistry, allowed: readonly string[] | null): CompressorRegistry {
  if (allowed === null) return registry;
  const known = compressorNames(registry);
  const unknown = allowed.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new ConfigError(
      'compressors',
      `unknown compressor ${unknown.map((n) => JSON.stringify(n)).join(', ')} (known: ${known.join(', ')})`,
    );
  const keep = new Set(allowed);
  const out = {} as Record<ContentKind, readonly Compressor[]>;
  for (const [kind, list] of Object.entries(registry) as [ContentKind, readonly Compressor[]][]) {
    out[kind] = list.filter((c) => keep.has(c.name));
  }
  return out;
}

/** Names of every compressor in the registry. */
export function compressorNames(registry: CompressorRegistry): string[] {
  return [...new Set(Object.values(registry).flatMap((list) => list.map((c) => c.name)))].sort();
}
