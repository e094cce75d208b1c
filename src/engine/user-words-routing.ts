/**
 * A large text the user wrote or pasted (an attached blob, `ATTACHED_BLOB_MIN_CHARS`) is compressed only
 * where it is machine output: logs, JSON, search hits, diffs, tables, listings, tracebacks, test reports,
 * and file views printed with a number on every row (`1357:code`, `  12\tcode`; SWE-agent's
 * demonstration quotes its windows). Its prose and its code are the user's words (an agent's task
 * statement, the bug report with the snippet it is about, the instructions the agent must follow): the
 * compressors that drop lines of prose or bodies of code do not read them. Which user text is the
 * user's words: `userWordsOf`.
 */
import type { Compressor } from '../compressors/compressor.ts';
import { everyRowNumbered } from '../detect/numbered-rows.ts';
import type { ContentKind, RequestPart } from '../types.ts';
import type { BlockRouting } from './block-routing.ts';
import type { CompressorRegistry } from './compressor-registry.ts';

/** Compressors that drop the user's own prose or code (by name, as the registry lists them). */
export const WORD_DROPPING_COMPRESSORS: ReadonlySet<string> = new Set(['text', 'text-model', 'code', 'declarations']);

/** Of those, the one that also reads numbered file views, which it may compress in the user's words. */
const NUMBERED_VIEW_COMPRESSOR = 'code';

/** `compressor`, passing whatever is not a numbered file view. */
function onlyNumberedViews(compressor: Compressor): Compressor {
  return {
    ...compressor,
    compress: (input, context) => (everyRowNumbered(input.text) ? compressor.compress(input, context) : null),
  };
}

/**
 * Which user text parts of a request are the user's own words: every one in a conversation that calls
 * tools (its tool output comes back as tool results), else those before the model's first reply (a
 * loop that answers the model with tool output as user text, as mini-swe-agent does, sends its task
 * first and then only what its commands printed).
 */
export function userWordsOf(parts: readonly RequestPart[]): (part: RequestPart) => boolean {
  let callsTools = false;
  let firstReply = Number.POSITIVE_INFINITY;
  for (const p of parts) {
    if (p.type === 'tool_use' || p.type === 'tool_result') callsTools = true;
    if (p.role === 'assistant' && p.messageIndex >= 0 && p.messageIndex < firstReply) firstReply = p.messageIndex;
  }
  return (part) => part.role === 'user' && part.type === 'text' && (callsTools || part.messageIndex < firstReply);
}

const narrowed = new WeakMap<CompressorRegistry, CompressorRegistry>();

/** The registry without the word-dropping compressors (one object per registry). */
function machineOutputRegistry(registry: CompressorRegistry): CompressorRegistry {
  let out = narrowed.get(registry);
  if (out === undefined) {
    const lists = {} as Record<ContentKind, readonly Compressor[]>;
    for (const [kind, list] of Object.entries(registry) as [ContentKind, readonly Compressor[]][])
      lists[kind] = list.flatMap((compressor) => {
        if (compressor.name === NUMBERED_VIEW_COMPRESSOR) return [onlyNumberedViews(compressor)];
        return WORD_DROPPING_COMPRESSORS.has(compressor.name) ? [] : [compressor];
      });
    out = lists;
    narrowed.set(registry, out);
  }
  return out;
}

/** The routing for the user's words: the same, but only machine output is compressed. */
export function userWordsRouting(routing: BlockRouting): BlockRouting {
  return { ...routing, registry: machineOutputRegistry(routing.registry) };
}
