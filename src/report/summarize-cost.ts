/** Cache use and $ cost per provider for summary.json, from the cache ledger's rows. */
import type { CacheRow } from '../bench/replay-rows.ts';
import { roundTo } from './round-to.ts';
import type { CacheCost } from './summary.ts';

/** USD to 6 decimals: a request costs fractions of a cent. */
const usd = (value: number): number => roundTo(value, 6);

/** Cache use and cost per provider, in the order the rows first name them. */
export function costsOf(rows: readonly CacheRow[]): CacheCost[] {
  const byProvider = new Map<
    string,
    {
      provider: CacheCost['provider'];
      model: string;
      cost: number;
      without: number;
      read: number;
      write: number;
      uncached: number;
      busts: number;
    }
  >();
  for (const row of rows) {
    const entry = byProvider.get(row.provider) ?? {
      provider: row.provider,
      model: row.model,
      cost: 0,
      without: 0,
      read: 0,
      write: 0,
      uncached: 0,
      busts: 0,
    };
    entry.cost += row.cost_usd;
    entry.without += row.cost_usd_without;
    entry.read += row.cache_read_tokens;
    entry.write += row.cache_write_tokens;
    entry.uncached += row.uncached_tokens;
    if (row.cache_bust) entry.busts++;
    byProvider.set(row.provider, entry);
  }
  return [...byProvider.values()].map((e) => ({
    provider: e.provider,
    model: e.model,
    cost_usd: usd(e.cost),
    cost_usd_without: usd(e.without),
    saving: e.without === 0 ? 0 : roundTo(1 - e.cost / e.without, 4),
    cache_read_tokens: e.read,
    cache_write_tokens: e.write,
    uncached_tokens: e.uncached,
    cache_busts: e.busts,
  }));
}

/** Per-provider costs added up (figures of the same provider and model). */
export function addCosts(a: readonly CacheCost[], b: readonly CacheCost[]): CacheCost[] {
  const out = new Map(a.map((c) => [c.provider, c]));
  for (const c of b) {
    const prev = out.get(c.provider);
    if (prev === undefined) {
      out.set(c.provider, c);
      continue;
    }
    const cost = prev.cost_usd + c.cost_usd;
    const without = prev.cost_usd_without + c.cost_usd_without;
    out.set(c.provider, {
      provider: c.provider,
      model: c.model,
      cost_usd: usd(cost),
      cost_usd_without: usd(without),
      saving: without === 0 ? 0 : roundTo(1 - cost / without, 4),
      cache_read_tokens: prev.cache_read_tokens + c.cache_read_tokens,
      cache_write_tokens: prev.cache_write_tokens + c.cache_write_tokens,
      uncached_tokens: prev.uncached_tokens + c.uncached_tokens,
      cache_busts: prev.cache_busts + c.cache_busts,
    });
  }
  return [...out.values()];
}
