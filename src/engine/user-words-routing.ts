/**
 * A large text the user wrote or pasted (an attached blob, `ATTACHED_BLOB_MIN_CHARS`) is compressed only
 * where it is machine output: logs, JSON, search hits, diffs, tables, listings, tracebacks, test reports.
 * Its prose and its code are the user's words (an agent's task statement, the bug report with the
 * snippet it is about, the instructions the agent must follow): the compressors that drop lines of prose
 * or bodies of code do not read it.
 */
import type { Compressor } from '../compressors/compressor.ts';
import type { ContentKind, RequestPart } from '../types.ts';
import type { BlockRouting } from './block-routing.ts';
import type { CompressorRegistry } from './compressor-registry.ts';

/** Compressors that drop the user's own prose or code (by name, as the registry lists them). */
export const WORD_DROPPING_COMPRESSORS: ReadonlySet<string> = new Set(['text', 'text-model', 'code', 'declarations']);

/** Whether the part is text a user wrote or attached, not a tool's output. */
export function isUserWords(part: RequestPart): boolean {
  return part.role === 'user' && part.type === 'text';
}

const narrowed = new WeakMap<CompressorRegistry, CompressorRegistry>();

/** The registry without the word-dropping compressors (one object per registry). */
function machineOutputRegistry(registry: CompressorRegistry): CompressorRegistry {
  let out = narrowed.get(registry);
  if (out === undefined) {
    const lists = {} as Record<ContentKind, readonly Compressor[]>;
    for (const [kind, list] of Object.entries(registry) as [ContentKind, readonly Compressor[]][])
      lists[kind] = list.filter((compressor) => !WORD_DROPPING_COMPRESSORS.has(compressor.name));
    out = lists;
    narrowed.set(registry, out);
  }
  return out;
}

/** The routing for the user's words: the same, but only machine output is compressed. */
export function userWordsRouting(routing: BlockRouting): BlockRouting {
  return { ...routing, registry: machineOutputRegistry(routing.registry) };
}
