/**
 * What each replayed request costs under each provider's caching rules and prices: the request as a
 * configuration sent it, beside the request as the client sent it (what it would pay without terse),
 * each through a cache simulator of its own that lives for the session.
 */
import type { CompressedRequest } from '../../engine/compress-request.ts';
import type { MemberInsertion } from '../../engine/request/canonical-request.ts';
import type { RequestMeasure } from '../../engine/measure-request.ts';
import type { TokenRuler } from '../../tokenize/token-ruler.ts';
import { BUNDLED_PRICES, priceOf, type ModelPrice, type PriceTable } from '../live/model-prices.ts';
import { ANTHROPIC_RULES, DEFAULT_SECONDS_BETWEEN_CALLS, OPENAI_RULES, type CacheRules } from './cache-rules.ts';
import { breakpointPaths, SegmentChain, type SentPart, type TextHashes } from './cache-segments.ts';
import { createCacheSimulator, type CacheSimulator, type CacheUse } from './cache-simulator.ts';

/** A provider's rules and the model whose prices a run is costed at. */
export interface CostModel {
  readonly rules: CacheRules;
  readonly model: string;
}

/** Both providers' rules, at a mid-range model of each. */
export const DEFAULT_COST_MODELS: readonly CostModel[] = [
  { rules: ANTHROPIC_RULES, model: 'claude-sonnet-4-5' },
  { rules: OPENAI_RULES, model: 'gpt-4.1' },
];

/** One request's cache use and cost under one provider's rules (input tokens only: output is the model's). */
export interface CacheRow {
  readonly trace: string;
  readonly config: string;
  readonly request_index: number;
  readonly provider: CacheRules['provider'];
  readonly model: string;
  readonly cache_read_tokens: number;
  readonly cache_write_tokens: number;
  readonly uncached_tokens: number;
  readonly cache_bust: boolean;
  readonly cost_usd: number;
  /** The same request as the client sent it, through its own cache: what it costs without terse. */
  readonly cost_usd_without: number;
}

function usdOf(use: CacheUse, price: ModelPrice, rules: CacheRules): number {
  const write = rules.provider === 'anthropic' ? price.input * rules.writeMultiplier : price.input;
  const writeLong = rules.provider === 'anthropic' ? price.input * rules.longWriteMultiplier : price.input;
  const written = (use.write - use.writeLong) * write + use.writeLong * writeLong;
  return (use.uncached * price.input + use.read * price.cache_read + written) / 1_000_000;
}

const NO_MARKS: ReadonlySet<string> = new Set();

/** `marks` and the blocks `members` give a `cache_control` (named as `breakpointPaths` names them). */
function withAddedBreakpoints(marks: ReadonlySet<string>, members: readonly MemberInsertion[]): Set<string> {
  const all = new Set(marks);
  for (const { path, key } of members) if (key === 'cache_control' && path.length >= 2) all.add(path.join('.'));
  return all;
}

/** The parts as the configuration sent them, the tools list as sent (the retrieve tool included). */
function sentParts(compressed: CompressedRequest, measure: RequestMeasure, ruler: TokenRuler): SentPart[] {
  const tools = compressed.edits.tools;
  const parts: SentPart[] = measure.parts.map(({ result, after }) => ({
    part: result.part,
    text: result.part.role === 'tools' && tools !== undefined ? JSON.stringify(tools) : result.text,
    tokens: after,
  }));
  if (tools !== undefined && !parts.some((p) => p.part.role === 'tools')) {
    const text = JSON.stringify(tools);
    parts.push({
      part: {
        path: ['tools'],
        role: 'tools',
        type: 'tool_definitions',
        text,
        isStringLeaf: false,
        compressible: false,
        messageIndex: -1,
      },
      text,
      tokens: ruler.count(text),
    });
  }
  return parts;
}

function originalParts(measure: RequestMeasure): SentPart[] {
  return measure.parts.map(({ result, before }) => ({ part: result.part, text: result.part.text, tokens: before }));
}

/** The cache of one (trace, config) replay under every cost model. */
export class CacheCostLedger {
  private readonly sent: CacheSimulator[];
  private readonly original: CacheSimulator[];
  private readonly hashes: TextHashes = new Map();
  private readonly sentChain = new SegmentChain(this.hashes);
  private readonly originalChain = new SegmentChain(this.hashes);
  private readonly prices: (ModelPrice | null)[];

  constructor(
    private readonly trace: string,
    private readonly config: string,
    private readonly models: readonly CostModel[] = DEFAULT_COST_MODELS,
    prices: PriceTable = BUNDLED_PRICES,
  ) {
    this.sent = models.map((m) => createCacheSimulator(m.rules));
    this.original = models.map((m) => createCacheSimulator(m.rules));
    this.prices = models.map((m) => priceOf(prices, m.model));
  }

  /** Rows of one request, `index` in the session (its time: index x the seconds between calls). */
  record(index: number, compressed: CompressedRequest, measure: RequestMeasure, ruler: TokenRuler): CacheRow[] {
    const at = index * DEFAULT_SECONDS_BETWEEN_CALLS;
    const anthropic = compressed.request.provider === 'anthropic';
    const marks = anthropic ? breakpointPaths(compressed.request.body) : NO_MARKS;
    // Breakpoints as sent: the cache aligner may have added some to a client that set none. Read from its
    // member edits, not a rebuilt body (rebuilding every request's body made a session quadratic).
    const sentMarks =
      anthropic && compressed.edits.members?.length ? withAddedBreakpoints(marks, compressed.edits.members) : marks;
    // Breakpoints asking for the 1-hour cache are the client's own (the aligner adds 5-minute ones).
    const long = anthropic && marks.size > 0 ? breakpointPaths(compressed.request.body, true) : NO_MARKS;
    const sent = this.sentChain.next(sentParts(compressed, measure, ruler), sentMarks, long);
    const original = this.originalChain.next(originalParts(measure), marks, long);
    return this.models.map((model, i) => {
      const use = (this.sent[i] as CacheSimulator).next(sent, at);
      const without = (this.original[i] as CacheSimulator).next(original, at);
      const price = this.prices[i] ?? null;
      return {
        trace: this.trace,
        config: this.config,
        request_index: index,
        provider: model.rules.provider,
        model: model.model,
        cache_read_tokens: use.read,
        cache_write_tokens: use.write,
        uncached_tokens: use.uncached,
        cache_bust: use.bust,
        cost_usd: price === null ? 0 : usdOf(use, price, model.rules),
        cost_usd_without: price === null ? 0 : usdOf(without, price, model.rules),
      };
    });
  }
}

/** The order a ledger writes its rows in: request by request, providers by name (as DEFAULT_COST_MODELS lists them). */
export function cacheRowOrder(a: CacheRow, b: CacheRow): number {
  return a.request_index - b.request_index || (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0);
}
