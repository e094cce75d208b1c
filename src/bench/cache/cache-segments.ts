/**
 * A request as a provider's cache sees it: its blocks in the order the provider renders them (tools,
 * system, messages), each with its tokens as sent and whether the request puts a breakpoint after it;
 * a prefix is identified by the hash chain of the blocks' bytes up to it.
 */
import { createHash } from 'node:crypto';
import type { JsonObject, JsonValue, RequestPart } from '../../types.ts';
import { isObject } from '../../engine/raw-part.ts';

/** One block of the rendered prompt. */
export interface CacheSegment {
  /** Hash of everything up to and including this block. */
  readonly prefix: string;
  readonly tokens: number;
  /** The request marks `cache_control` on this block (Anthropic). */
  readonly breakpoint: boolean;
}

/** A part as sent: its text and its tokens. */
export interface SentPart {
  readonly part: RequestPart;
  readonly text: string;
  readonly tokens: number;
}

/** Paths (joined with `.`) of the blocks that carry `cache_control` in an Anthropic body. */
export function breakpointPaths(body: JsonObject): Set<string> {
  const found = new Set<string>();
  const mark = (list: JsonValue | undefined, at: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((block, i) => {
      if (isObject(block) && block.cache_control !== undefined) found.add(`${at}.${i}`);
    });
  };
  mark(body.tools, 'tools');
  mark(body.system, 'system');
  if (Array.isArray(body.messages)) body.messages.forEach((message, m) => isObject(message) && mark(message.content, `messages.${m}.content`));
  return found;
}

function rank(part: RequestPart): number {
  return part.role === 'tools' ? 0 : part.role === 'system' ? 1 : 2;
}

/** The block a part belongs to, as `breakpointPaths` names blocks (`messages.3.content.0`), or null. */
function markedBlockOf(part: RequestPart, breakpoints: ReadonlySet<string>): string | null {
  if (part.role === 'tools') return [...breakpoints].some((p) => p.startsWith('tools.')) ? 'tools' : null;
  const path = part.path.map(String);
  for (let i = 1; i <= path.length; i++) {
    const at = path.slice(0, i).join('.');
    if (breakpoints.has(at)) return at;
  }
  return null;
}

/** Hashes of texts already hashed in a session: most blocks are sent again in every later request. */
export type TextHashes = Map<string, string>;

function hashOf(text: string, memo: TextHashes): string {
  let hash = memo.get(text);
  if (hash === undefined) memo.set(text, (hash = createHash('sha1').update(text).digest('base64')));
  return hash;
}

/**
 * The segments of one request: tools first (one segment: the definitions as sent), then the system
 * prompt, then the messages' parts in order. The last part of a block that carries `cache_control`
 * is a breakpoint (a tools list with any marked definition breaks after the whole list).
 */
export function cacheSegments(parts: readonly SentPart[], breakpoints: ReadonlySet<string>, memo: TextHashes = new Map()): CacheSegment[] {
  const ordered = [...parts].sort((a, b) => rank(a.part) - rank(b.part));
  const blocks = ordered.map((p) => markedBlockOf(p.part, breakpoints));
  const segments: CacheSegment[] = [];
  let chain = '';
  ordered.forEach(({ text, tokens }, i) => {
    chain = createHash('sha1').update(chain).update(hashOf(text, memo)).digest('base64');
    const block = blocks[i] ?? null;
    segments.push({ prefix: chain, tokens, breakpoint: block !== null && blocks[i + 1] !== block });
  });
  return segments;
}
