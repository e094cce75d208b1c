import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors.ts';
import { BUNDLED_PRICES, costOf, priceOf, readPriceTable } from './model-prices.ts';

describe('the price table', () => {
  it('prices a dated model id by the longest name it starts with', () => {
    expect(priceOf(BUNDLED_PRICES, 'claude-sonnet-4-5-20250929')).toBe(BUNDLED_PRICES.models['claude-sonnet-4-5']);
    expect(priceOf(BUNDLED_PRICES, 'gpt-4o-mini-2024-07-18')).toBe(BUNDLED_PRICES.models['gpt-4o-mini']);
    expect(priceOf(BUNDLED_PRICES, 'llama-3.1-8b-instruct')).toBeNull();
  });

  it('charges cache reads and writes apart from plain input', () => {
    const price = BUNDLED_PRICES.models['claude-haiku-4-5']!;
    expect(costOf({ input: 1_000_000, output: 0, cacheRead: 0, cacheWrite: 0 }, price)).toBe(1);
    expect(costOf({ input: 0, output: 1_000_000, cacheRead: 1_000_000, cacheWrite: 1_000_000 }, price)).toBeCloseTo(
      5 + 0.1 + 1.25,
      10,
    );
  });

  it('lays a file over the bundled table, and names the field a bad file gets wrong', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-prices-'));
    const good = path.join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({
        as_of: '2026-01-01',
        source: 'our contract',
        models: { 'llama-local': { input: 0, output: 0, cache_read: 0, cache_write: 0 } },
      }),
    );
    const table = readPriceTable(good);
    expect(table.as_of).toBe('2026-01-01');
    expect(priceOf(table, 'llama-local')).toEqual({ input: 0, output: 0, cache_read: 0, cache_write: 0 });
    expect(priceOf(table, 'claude-haiku-4-5')).toBe(BUNDLED_PRICES.models['claude-haiku-4-5']);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        as_of: 'x',
        source: 'y',
        models: { m: { input: -1, output: 0, cache_read: 0, cache_write: 0 } },
      }),
    );
    expect(() => readPriceTable(bad)).toThrow(ConfigError);
    expect(() => readPriceTable(bad)).toThrow(/bad\.json: models\.m/);
  });
});
