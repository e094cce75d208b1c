/**
 * The cache aligner: an engine stage after compression that (a) reports volatile values in the system
 * prompt and tool definitions, (b) gives an Anthropic request whose client set no `cache_control`
 * breakpoints where they pay, and (c) gives an OpenAI request a `prompt_cache_key` fixed for the
 * session. It only adds members (spliced in, see canonical-request.ts) and never rewrites a byte:
 * a breakpoint once placed on a block is sent again on that block by every later request, so no
 * request changes what an earlier one sent. See docs/cache-cost.md.
 */
import { createHash } from 'node:crypto';
import type { JsonObject, JsonPath, JsonValue } from '../../types.ts';
import type { CanonicalRequest, MemberInsertion } from '../request/canonical-request.ts';
import { isObject } from '../request/raw-part.ts';
import { hasCacheControl } from '../retrieve-tool-economics.ts';
import type { CacheAlignmentState } from './cache-alignment-state.ts';
import { findVolatile, type VolatileValue } from './volatile-content.ts';

/** Anthropic: breakpoints a request may carry, and the shortest prefix Sonnet/Opus 4.x cache. */
export const MAX_BREAKPOINTS = 4;
export const MIN_CACHEABLE_TOKENS = 1024;
/**
 * A new breakpoint goes on the newest block once this many tokens follow the last one. Breakpoints
 * never move (that would change bytes sent before), so a session has at most four: spaced 4,096
 * tokens apart they cost least on the local and corpus traces (0.43-0.45 of the uncached price,
 * against 0.47-0.54 for 2,048 or 8,192, or for doubling the prefix each time).
 */
export const BREAKPOINT_SPACING_TOKENS = 4 * MIN_CACHEABLE_TOKENS;

const EPHEMERAL: JsonObject = { type: 'ephemeral' };
/** Blocks a breakpoint may go on and the simulator sees (thinking blocks refuse `cache_control`). */
const MARKABLE = new Set(['text', 'tool_use', 'tool_result']);

/** What the aligner did to one request, for the stats. */
export interface AlignmentStats {
  /** Volatile values in the system prompt and tool definitions (reported, never rewritten). */
  readonly volatile: readonly VolatileValue[];
  /** Breakpoints the aligner put in this request (re-sent ones included). */
  readonly breakpoints: number;
  /** Of those, placed for the first time in this request. */
  readonly breakpointsAdded: number;
  /** The `prompt_cache_key` sent, or null. */
  readonly promptCacheKey: string | null;
}

/** The members the aligner adds to a request, and what it found. */
export interface CacheAlignment {
  readonly members: readonly MemberInsertion[];
  readonly stats: AlignmentStats;
}

/** The token sizes the aligner weighs, counted only when a breakpoint is in question. */
export interface SentTokens {
  /** Tokens of the tools and system prompt as sent. */
  prefix(): number;
  /** Tokens of the tool definitions alone. */
  tools(): number;
  /** Tokens of the whole request as sent. */
  total(): number;
}

function valueAt(body: JsonValue, path: JsonPath): JsonValue | undefined {
  let value: JsonValue | undefined = body;
  for (const step of path) {
    if (Array.isArray(value) && typeof step === 'number') value = value[step];
    else if (isObject(value)) value = value[String(step)];
    else return undefined;
  }
  return value;
}

function hashOf(block: JsonValue): string {
  return createHash('sha1').update(JSON.stringify(block)).digest('base64');
}

function volatileOf(request: CanonicalRequest, state: CacheAlignmentState): readonly VolatileValue[] {
  const scanned = request.parts.filter((p) => p.role === 'system' || p.role === 'tools');
  const text = scanned.map((p) => p.text).join('\u0000');
  if (state.scanned?.text !== text) {
    const values = scanned.flatMap((p) => findVolatile(p.text, p.role === 'tools' ? 'tools' : 'system'));
    const seen = new Set<string>();
    state.scanned = { text, values: values.filter((v) => !seen.has(v.text) && seen.add(v.text)) };
  }
  return state.scanned.values;
}

/** The path of the last element of the array at `key` when it is an object a breakpoint may go on. */
function lastObjectIn(body: JsonObject, key: 'system' | 'tools'): JsonPath | null {
  const list = body[key];
  if (!Array.isArray(list) || list.length === 0) return null;
  const last = list[list.length - 1];
  if (!isObject(last) || (key === 'system' && last.type !== 'text')) return null;
  return [key, list.length - 1];
}

/** The newest message's last block, when a breakpoint may go on it. */
function newestBlock(body: JsonObject): JsonPath | null {
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) return null;
  const index = messages.length - 1;
  const message = messages[index];
  if (!isObject(message) || !Array.isArray(message.content) || message.content.length === 0) return null;
  const at = message.content.length - 1;
  const block = message.content[at];
  if (!isObject(block) || typeof block.type !== 'string' || !MARKABLE.has(block.type)) return null;
  if (block.type === 'text' && block.text === '') return null;
  return ['messages', index, 'content', at];
}

/** Breakpoints for an Anthropic request whose client set none: the session's earlier ones, then new ones where they pay. */
function breakpoints(
  request: CanonicalRequest,
  state: CacheAlignmentState,
  tokens: SentTokens,
): { paths: JsonPath[]; added: number } {
  const body = request.body;
  const paths: JsonPath[] = [];
  for (const mark of state.marks.values()) {
    const block = valueAt(body, mark.path);
    if (isObject(block) && hashOf(block) === mark.hash) paths.push(mark.path);
  }
  let added = 0;
  const place = (path: JsonPath, at: number): void => {
    state.marks.set(path.join('.'), { path, hash: hashOf(valueAt(body, path) as JsonValue) });
    state.markedTokens = at;
    paths.push(path);
    added++;
  };
  if (!state.prefixWeighed) {
    state.prefixWeighed = true;
    // Tools and system render first and rarely change: their own breakpoint serves every later session too.
    // A system prompt sent as a string takes no member: then the tools alone may be marked.
    const system = lastObjectIn(body, 'system');
    const tools = lastObjectIn(body, 'tools');
    if (system !== null && tokens.prefix() >= MIN_CACHEABLE_TOKENS) place(system, tokens.prefix());
    else if (tools !== null && tokens.tools() >= MIN_CACHEABLE_TOKENS) place(tools, tokens.tools());
  }
  const newest = newestBlock(body);
  if (newest !== null && paths.length < MAX_BREAKPOINTS && !state.marks.has(newest.join('.'))) {
    const total = tokens.total();
    if (total >= MIN_CACHEABLE_TOKENS && total - state.markedTokens >= BREAKPOINT_SPACING_TOKENS) place(newest, total);
  }
  return { paths, added };
}

/** The session's key: a hash of the first request's messages up to its first user message. */
function promptCacheKeyOf(body: JsonObject): string {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const firstUser = messages.findIndex((m) => isObject(m) && m.role === 'user');
  const opening = messages.slice(0, firstUser + 1);
  return `terse-${createHash('sha256').update(JSON.stringify(opening)).digest('hex').slice(0, 24)}`;
}

/** Aligns one request of a session whose aligner state is `state` (see the file's head); `tokens` is asked only when a breakpoint is weighed. */
export function alignCache(request: CanonicalRequest, state: CacheAlignmentState, tokens: SentTokens): CacheAlignment {
  const volatile = volatileOf(request, state);
  const members: MemberInsertion[] = [];
  let added = 0;
  if (request.provider === 'anthropic' && !hasCacheControl(request.body as JsonValue)) {
    const placed = breakpoints(request, state, tokens);
    added = placed.added;
    // In document order: the emitter splices each member where its object ends.
    for (const path of placed.paths) members.push({ path, key: 'cache_control', value: EPHEMERAL });
  }
  let promptCacheKey: string | null = null;
  if (request.provider === 'openai' && request.body.prompt_cache_key === undefined) {
    promptCacheKey = state.promptCacheKey ??= promptCacheKeyOf(request.body);
    members.push({ path: [], key: 'prompt_cache_key', value: promptCacheKey });
  }
  return {
    members,
    stats: {
      volatile,
      breakpoints: members.length - (promptCacheKey === null ? 0 : 1),
      breakpointsAdded: added,
      promptCacheKey,
    },
  };
}
