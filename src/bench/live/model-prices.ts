/**
 * What models cost, per million tokens, as the providers list them on `as_of` (USD; cache writes at
 * the 5-minute rate). Prices change: check the sources, and pass `--prices FILE` (the same shape) to
 * override or add models. A model absent from the table is unpriced: its cost shows as unknown.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, PathError } from '../../errors.ts';
import type { TokenUsage } from './live-rows.ts';

/** USD per million tokens. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
  readonly cache_read: number;
  readonly cache_write: number;
}

/** Prices of many models, dated and sourced. */
export interface PriceTable {
  /** The day the prices were read (YYYY-MM-DD). */
  readonly as_of: string;
  /** Where they were read. */
  readonly source: string;
  readonly models: Readonly<Record<string, ModelPrice>>;
}

const anthropic = (input: number, output: number): ModelPrice => ({
  input,
  output,
  cache_read: input / 10,
  cache_write: input * 1.25,
});
const openai = (input: number, output: number, cached: number): ModelPrice => ({
  input,
  output,
  cache_read: cached,
  cache_write: input,
});

/** The bundled table. */
export const BUNDLED_PRICES: PriceTable = {
  as_of: '2025-11-24',
  source: 'https://docs.claude.com/en/docs/about-claude/pricing ; https://platform.openai.com/docs/pricing',
  models: {
    'claude-opus-4-5': anthropic(5, 25),
    'claude-opus-4-1': anthropic(15, 75),
    'claude-opus-4': anthropic(15, 75),
    'claude-sonnet-4-5': anthropic(3, 15),
    'claude-sonnet-4': anthropic(3, 15),
    'claude-3-7-sonnet': anthropic(3, 15),
    'claude-haiku-4-5': anthropic(1, 5),
    'claude-3-5-haiku': anthropic(0.8, 4),
    'claude-3-haiku': anthropic(0.25, 1.25),
    'gpt-5': openai(1.25, 10, 0.125),
    'gpt-5-mini': openai(0.25, 2, 0.025),
    'gpt-5-nano': openai(0.05, 0.4, 0.005),
    'gpt-4.1': openai(2, 8, 0.5),
    'gpt-4.1-mini': openai(0.4, 1.6, 0.1),
    'gpt-4.1-nano': openai(0.1, 0.4, 0.025),
    'gpt-4o': openai(2.5, 10, 1.25),
    'gpt-4o-mini': openai(0.15, 0.6, 0.075),
  },
};

/**
 * The price of `model`: its own entry, else the longest entry it starts with (a dated id such as
 * `claude-sonnet-4-5-20250929` takes `claude-sonnet-4-5`), else null.
 */
export function priceOf(table: PriceTable, model: string): ModelPrice | null {
  const exact = table.models[model];
  if (exact) return exact;
  let best: string | null = null;
  for (const name of Object.keys(table.models)) {
    if (model.startsWith(`${name}-`) && (best === null || name.length > best.length)) best = name;
  }
  return best === null ? null : (table.models[best] ?? null);
}

/** USD of `usage` at `price`. */
export function costOf(usage: TokenUsage, price: ModelPrice): number {
  return (
    (usage.input * price.input +
      usage.output * price.output +
      usage.cacheRead * price.cache_read +
      usage.cacheWrite * price.cache_write) /
    1_000_000
  );
}

function isPrice(value: unknown): value is ModelPrice {
  if (typeof value !== 'object' || value === null) return false;
  const price = value as Record<string, unknown>;
  return ['input', 'output', 'cache_read', 'cache_write'].every(
    (field) => typeof price[field] === 'number' && (price[field] as number) >= 0,
  );
}

/** The bundled table with `file`'s models laid over it (its `as_of` and `source` replace the bundled ones). */
export function readPriceTable(file: string): PriceTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PathError(
      file,
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, `not JSON: ${(error as Error).message}`);
  }
  const table = value as Partial<PriceTable> | null;
  if (
    table === null ||
    typeof table !== 'object' ||
    typeof table.as_of !== 'string' ||
    typeof table.source !== 'string'
  ) {
    throw new ConfigError(`${file}: as_of`, 'a price table needs as_of and source strings, and models');
  }
  if (typeof table.models !== 'object' || table.models === null)
    throw new ConfigError(`${file}: models`, 'missing or not an object');
  for (const [model, price] of Object.entries(table.models)) {
    if (!isPrice(price))
      throw new ConfigError(
        `${file}: models.${model}`,
        'needs input, output, cache_read and cache_write, USD per million tokens, not negative',
      );
  }
  return { as_of: table.as_of, source: table.source, models: { ...BUNDLED_PRICES.models, ...table.models } };
}
