import { describe, expect, it } from 'vitest';
import { jsonMinify } from '../compressors/json/json-minify.ts';
import { CompressorKindError } from '../errors.ts';
import { CONTENT_KINDS } from '../types.ts';
import type { CompressorRegistry } from './compressor-registry.ts';
import { createEngine } from './create-engine.ts';
import { DEFAULT_REGISTRY } from './default-registry.ts';

describe('createEngine reads Compressor.kinds', () => {
  it('accepts the shipped registry: every compressor is listed only under kinds it declares', async () => {
    const setup = await createEngine();
    for (const kind of CONTENT_KINDS) {
      for (const compressor of DEFAULT_REGISTRY[kind])
        expect(compressor.kinds, `${compressor.name} under ${kind}`).toContain(kind);
    }
    expect(setup.registry).toEqual(DEFAULT_REGISTRY);
  });

  it('rejects a registry that routes log content to json-minify, naming the compressor and the kind', async () => {
    const registry: CompressorRegistry = { ...DEFAULT_REGISTRY, log: [...DEFAULT_REGISTRY.log, jsonMinify] };
    const created = createEngine({ registry });
    await expect(created).rejects.toBeInstanceOf(CompressorKindError);
    await expect(created).rejects.toMatchObject({ compressor: 'json-minify', kind: 'log', kinds: ['json'] });
  });
});
