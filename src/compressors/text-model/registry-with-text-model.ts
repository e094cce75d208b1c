/** A registry whose prose goes to the text model instead of the extractive text compressor. */
import type { Compressor } from '../compressor.ts';
import type { CompressorRegistry } from '../../engine/compressor-registry.ts';

/**
 * `registry` with `model` in the extractive `text` compressor's place for `text` blocks (appended
 * where there is none). Code keeps its own chain: dropping words breaks syntax.
 */
export function registryWithTextModel(registry: CompressorRegistry, model: Compressor): CompressorRegistry {
  const text = registry.text.some((compressor) => compressor.name === 'text')
    ? registry.text.map((compressor) => (compressor.name === 'text' ? model : compressor))
    : [...registry.text, model];
  return { ...registry, text };
}
