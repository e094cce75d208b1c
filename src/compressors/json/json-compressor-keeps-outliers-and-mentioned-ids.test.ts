import { describe, expect, it } from 'vitest';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { JsonObject } from '../../types.ts';
import { decodeColumnar } from './columnar-format.ts';
import { jsonCompressor } from './json-compressor.ts';

const ruler = createTokenRuler('o200k_base');

function compressRows(rows: JsonObject[], conversation: string): JsonObject[] {
  const output = jsonCompressor.compress(
    { text: JSON.stringify(rows, null, 2), kind: 'json' },
    { profile: 'aggressive', ruler, conversation },
  );
  const decoded = decodeColumnar(output?.text ?? '');
  return decoded.ok ? (decoded.value as JsonObject[]) : [];
}

describe('json compressor keeps outliers, change points and mentioned ids', () => {
  const rows: JsonObject[] = Array.from({ length: 200 }, (_, index) => ({
    order_id: `ord_${10000 + index}`,
    region: ['eu', 'us', 'ap'][index % 3] as string,
    latency_ms: index === 140 ? 9400 : 100 + ((index * 37) % 20),
    queue_depth: index < 120 ? 3 + (index % 2) : 60 + (index % 2),
  }));

  it('keeps the latency outlier', () => {
    expect(compressRows(rows, '')).toContainEqual(rows[140]);
  });

  it('keeps both sides of the queue-depth level shift', () => {
    const kept = compressRows(rows, '');
    expect(kept).toContainEqual(rows[119]);
    expect(kept).toContainEqual(rows[120]);
  });

  it('keeps the order the user asked about, and not a whole region', () => {
    const kept = compressRows(rows, 'Why did ord_10077 take so long in region eu?');
    expect(kept).toContainEqual(rows[77]);
    expect(kept.length).toBeLessThan(20);
  });
});
