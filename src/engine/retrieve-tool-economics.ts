/**
 * Whether adding `terse_retrieve` to a session pays. The first request that carries a marker adds the
 * tool; from then on every request carries it, and the tool list changes once, which busts whatever
 * prefix the provider had cached (tools render first). Counted in input-token equivalents:
 *
 *   (saved - toolTokens) x F  >=  bust,   F = 1 + readRatio x (laterRequests - 1)   (caching: later
 *   requests re-send both the saving and the tool as cached reads; without caching readRatio is 1)
 *   bust = (1 - readRatio) x the prefix the previous request left cached, when the provider caches.
 *
 * Without caching the rule is "the request never grows"; with it, a small saving that would bust a
 * long cached prefix is not made, and the report says why (`cache-cost`).
 */
import type { CanonicalRequest } from './request/canonical-request.ts';
import type { EngineSession } from './engine-session.ts';
import type { JsonValue } from '../types.ts';
import { countOnce } from './count-once.ts';
import { isObject } from './request/raw-part.ts';

/** A cached read's price as a share of an input token's: Anthropic 0.1x, OpenAI's current models 0.25x. */
const READ_RATIO = { anthropic: 0.1, openai: 0.25 } as const;
/** OpenAI caches a prompt from this many tokens on. */
const OPENAI_MIN_CACHED = 1024;

/** What the rule weighed, for the stats and the report. */
export interface ToolVerdict {
  readonly pays: boolean;
  readonly saved: number;
  readonly toolTokens: number;
  readonly bust: number;
}

/** True when any object in `value` carries `cache_control`: the client places its own breakpoints. */
export function hasCacheControl(value: JsonValue | undefined): boolean {
  if (Array.isArray(value)) return value.some(hasCacheControl);
  if (!isObject(value)) return false;
  return (
    value.cache_control !== undefined ||
    Object.values(value).some((child) => typeof child === 'object' && child !== null && hasCacheControl(child))
  );
}

/**
 * The verdict for adding the tool to `request`, whose newly compressed lossy blocks save `saved`
 * tokens. `expectedLaterRequests` is how many more requests the session is expected to send.
 */
export function retrieveToolVerdict(
  request: CanonicalRequest,
  session: EngineSession,
  saved: number,
  expectedLaterRequests: number,
): ToolVerdict {
  const { ruler } = session.setup;
  const toolTokens = ruler.count(JSON.stringify(session.setup.retrieveTool(request.provider)));
  // The prefix the previous request left cached: tools, system, and every message it sent.
  let prefix = 0;
  // Counted once per part object: a replay hands the same parts to every later request (count-once.ts).
  for (const part of request.parts)
    if (part.messageIndex < session.previousMessageCount) prefix += countOnce(ruler, part, part.text);
  // Anthropic caches when the client marks breakpoints, or when the cache aligner has placed some.
  // The aligner's marks first: scanning the whole body for the client's own is the costly test.
  const caches =
    request.provider === 'openai'
      ? prefix >= OPENAI_MIN_CACHED
      : session.alignment.marks.size > 0 || hasCacheControl(request.body as JsonValue);
  const readRatio = caches ? READ_RATIO[request.provider] : 1;
  const factor = caches ? 1 + readRatio * Math.max(0, expectedLaterRequests - 1) : expectedLaterRequests;
  const bust = caches ? (1 - readRatio) * prefix : 0;
  return { pays: (saved - toolTokens) * factor >= bust && saved > toolTokens, saved, toolTokens, bust };
}
