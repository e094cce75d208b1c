/** The compressors terse ships, by the content kind they serve, in the order they are tried. */
import type { CompressorRegistry } from './compressor-registry.ts';

/** Every shipped compressor; configurations narrow it with `compressors: [...]`. */
export const DEFAULT_REGISTRY: CompressorRegistry = {
  json: [],
  code: [],
  log: [],
  search: [],
  diff: [],
  html: [],
  table: [],
  text: [],
  mixed: [],
};
