import { beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../src/config.ts';
import { prepareDefaultRegistry } from '../../src/engine/default-registry.ts';
import { createTokenRuler } from '../../src/tokenize/token-ruler.ts';
import { loadMaterials, type Material } from './perf-materials.ts';
import { scaledInput } from './scaled-input.ts';

const ruler = createTokenRuler('o200k_base');
let materials: Map<string, Material>;

beforeAll(async () => {
  await prepareDefaultRegistry();
  ({ materials } = await loadMaterials(environment.projectRoot, ruler));
});

describe("the perf suite's inputs", () => {
  it('cover the compressors the recorded local sessions exercise, code and tables from node_modules', () => {
    for (const name of ['json', 'json-minify', 'log', 'search', 'text', 'diff', 'diagnostics', 'code', 'table'])
      expect([...materials.keys()], name).toContain(name);
    expect(materials.get('code')).toMatchObject({ kind: 'code', language: 'javascript' });
  });

  it('reach each size within 15% (or are one whole piece larger than it), the same bytes every time', () => {
    for (const [name, material] of materials) {
      for (const size of [1_000, 30_000]) {
        const input = scaledInput(material, size, ruler);
        const smallest = Math.min(...material.pieces.map((piece) => ruler.count(piece)));
        if (smallest < size) {
          expect(input.tokens, `${name} at ${size}`).toBeGreaterThanOrEqual(0.85 * size);
          expect(input.tokens, `${name} at ${size}`).toBeLessThanOrEqual(1.15 * size);
        }
        expect(scaledInput(material, size, ruler).text, name).toBe(input.text);
      }
    }
  });

  it('are still what each compressor compresses once scaled up, not fragments it passes', () => {
    for (const [name, material] of materials) {
      const input = scaledInput(material, 30_000, ruler);
      const result = material.compressor.compress(
        { text: input.text, kind: material.kind, ...(material.language ? { language: material.language } : {}) },
        { profile: 'balanced', ruler, conversation: '' },
      );
      expect(result, name).not.toBeNull();
    }
  });
});
