/**
 * A request as a provider's cache sees it: its blocks in the order the provider renders them (tools,
 * system, messages), each with its tokens as sent and whether the request puts a breakpoint after it;
 * a prefix is identified by the hash chain of the blocks' bytes up to it.
 */
import { createHash } from 'node:crypto';
import type { JsonObject, JsonValue, RequestPart } from '../../types.ts';
import { isObject } from '../../engine/request/raw-part.ts';

/** One block of the rendered prompt. */
export interface CacheSegment {
  /** Hash of everything up to and including this block. */
  readonly prefix: string;
  readonly tokens: number;
  /** Tokens of every block up to and including this one. */
  readonly upTo: number;
  /** The request marks `cache_control` on this block (Anthropic). */
  readonly breakpoint: boolean;
  /** That breakpoint asks for the 1-hour cache (`"ttl": "1h"`); absent or false: the 5-minute one. */
  readonly longTtl?: boolean;
}

/** A part as sent: its text and its tokens. */
export interface SentPart {
  readonly part: RequestPart;
  readonly text: string;
  readonly tokens: number;
}

/** Paths (joined with `.`) of the blocks that carry `cache_control` in an Anthropic body; `long`: only those asking `"ttl": "1h"`. */
export function breakpointPaths(body: JsonObject, long = false): Set<string> {
  const found = new Set<string>();
  const mark = (list: JsonValue | undefined, at: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((block, i) => {
      if (!isObject(block) || block.cache_control === undefined) return;
      if (long && !(isObject(block.cache_control) && block.cache_control.ttl === '1h')) return;
      found.add(`${at}.${i}`);
    });
  };
  mark(body.tools, 'tools');
  mark(body.system, 'system');
  if (Array.isArray(body.messages))
    body.messages.forEach((message, m) => isObject(message) && mark(message.content, `messages.${m}.content`));
  return found;
}

function rank(part: RequestPart): number {
  return part.role === 'tools' ? 0 : part.role === 'system' ? 1 : 2;
}

// The paths a part's block may be named by (`messages`, `messages.3`, `messages.3.content`...), by part.
const blockPathsOf = new WeakMap<RequestPart, readonly string[]>();

/** The block a part belongs to, as `breakpointPaths` names blocks (`messages.3.content.0`), or null. */
function markedBlockOf(part: RequestPart, breakpoints: ReadonlySet<string>, toolsMarked: boolean): string | null {
  if (part.role === 'tools') return toolsMarked ? 'tools' : null;
  if (breakpoints.size === 0) return null;
  let paths = blockPathsOf.get(part);
  if (paths === undefined) {
    const path = part.path.map(String);
    blockPathsOf.set(part, (paths = path.map((_, i) => path.slice(0, i + 1).join('.'))));
  }
  for (const at of paths) if (breakpoints.has(at)) return at;
  return null;
}

const NONE: ReadonlySet<string> = new Set();
const LONG = ' (1h)';

/** Hashes of texts already hashed in a session: most blocks are sent again in every later request. */
export type TextHashes = Map<string, string>;

function hashOf(text: string, memo: TextHashes): string {
  let hash = memo.get(text);
  if (hash === undefined) memo.set(text, (hash = createHash('sha1').update(text).digest('base64')));
  return hash;
}

/**
 * The segments of a session's requests, one request after another: tools first (one segment: the
 * definitions as sent), then the system prompt, then the messages' parts in order. The last part of a
 * block that carries `cache_control` is a breakpoint (a tools list with any marked definition breaks
 * after the whole list). The hash chain of the parts a request sends as the previous one did, in the
 * same place, is the previous request's: only what follows is hashed, so a session costs O(its bytes)
 * in hashing, not O(calls x history).
 */
export class SegmentChain {
  #ordered: readonly SentPart[] = [];
  #blocks: readonly (string | null)[] = [];
  #segments: readonly CacheSegment[] = [];

  constructor(private readonly memo: TextHashes = new Map()) {}

  /**
   * The segments of the next request of the session, its parts as sent, its `cache_control` paths and
   * those of them that ask for the 1-hour cache.
   */
  next(parts: readonly SentPart[], breakpoints: ReadonlySet<string>, long: ReadonlySet<string> = NONE): CacheSegment[] {
    const ordered = [...parts].sort((a, b) => rank(a.part) - rank(b.part));
    let toolsMarked = false;
    let toolsLong = false;
    for (const p of breakpoints) if (p.startsWith('tools.')) toolsMarked = true;
    for (const p of long) if (p.startsWith('tools.')) toolsLong = true;
    // A block asking for the longer cache is named with LONG after it, so a change of TTL is a change of block.
    const blocks = ordered.map((p) => {
      const block = markedBlockOf(p.part, breakpoints, toolsMarked);
      return block !== null && (block === 'tools' ? toolsLong : long.has(block)) ? `${block}${LONG}` : block;
    });
    const previous = this.#ordered;
    let same = 0;
    while (same < ordered.length && same < previous.length) {
      const now = ordered[same] as SentPart;
      const before = previous[same] as SentPart;
      // The chain depends on the bytes alone (a request's tools part is a new object each time, its text the same).
      if (now.text !== before.text || now.tokens !== before.tokens || blocks[same] !== this.#blocks[same]) break;
      same++;
    }
    const segments: CacheSegment[] = [];
    // A segment's breakpoint also depends on the block after it: the last one reused is built again.
    const reused = Math.max(0, same - 1);
    for (let i = 0; i < reused; i++) segments.push(this.#segments[i] as CacheSegment);
    const last = reused === 0 ? null : (this.#segments[reused - 1] as CacheSegment);
    let chain = last?.prefix ?? '';
    let upTo = last?.upTo ?? 0;
    for (let i = reused; i < ordered.length; i++) {
      const { text, tokens } = ordered[i] as SentPart;
      chain =
        i < same
          ? (this.#segments[i] as CacheSegment).prefix
          : createHash('sha1').update(chain).update(hashOf(text, this.memo)).digest('base64');
      upTo += tokens;
      const block = blocks[i] ?? null;
      const breakpoint = block !== null && blocks[i + 1] !== block;
      segments.push({ prefix: chain, tokens, upTo, breakpoint, longTtl: breakpoint && block.endsWith(LONG) });
    }
    this.#ordered = ordered;
    this.#blocks = blocks;
    this.#segments = segments;
    return segments;
  }
}
