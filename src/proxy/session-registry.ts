/**
 * The sessions the proxy holds, bounded by count and by the estimated size of what they hold (their
 * frozen decisions keep each compressed block's text and dropped originals); least recently used go first.
 */
import type { CompressedRequest } from '../engine/compress-request.ts';
import { createSession, type EngineSession, type EngineSetup } from '../engine/engine-session.ts';
import { SerialQueue } from '../store/serial-queue.ts';

/** One conversation as the proxy follows it. */
export interface ProxySession {
  readonly key: string;
  /** Frozen block decisions and the sticky retrieve tool (the engine's own session state). */
  readonly engine: EngineSession;
  /** Requests of one session pass the engine one at a time: its state is read and written across awaits. */
  readonly queue: SerialQueue;
  /** Trace writes of the session, in request order, off the request's path. */
  readonly recorder: SerialQueue;
  /** What the recorder wrote for this session so far (null until it records). */
  recording: SessionRecording | null;
  /** Estimated bytes its decisions hold. */
  bytes: number;
}

/** The trace file a session is recorded into, and the messages already in it. */
export interface SessionRecording {
  readonly file: string;
  /** Hash of each message written, in order: a request that does not extend them starts a new file. */
  readonly messageHashes: string[];
}

/** Bytes per decision besides its strings: key, outcome object, map entry. */
const DECISION_OVERHEAD = 200;

/** Estimated bytes the decisions taken by `compressed` add to its session (UTF-16: two bytes a character). */
export function decidedBytes(compressed: CompressedRequest): number {
  let bytes = 0;
  for (const { outcome, decidedNow } of compressed.parts) {
    if (!decidedNow || outcome === null) continue;
    bytes += DECISION_OVERHEAD;
    if (outcome.state !== 'compressed') continue;
    bytes += 2 * outcome.text.length;
    for (const dropped of outcome.dropped) bytes += 2 * dropped.original.length;
  }
  return bytes;
}

/**
 * An LRU of sessions over one engine setup. Not lru-cache: a session's bytes grow as it compresses, and
 * lru-cache sizes an entry once, when it is set.
 */
export class SessionRegistry {
  readonly #sessions = new Map<string, ProxySession>();
  #bytes = 0;

  constructor(
    private readonly setup: EngineSetup,
    private readonly limits: { readonly sessions: number; readonly bytes: number },
  ) {}

  get size(): number {
    return this.#sessions.size;
  }

  /** Estimated bytes all sessions hold. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Every session held now. */
  all(): IterableIterator<ProxySession> {
    return this.#sessions.values();
  }

  /** The session for `key`, created when new; it becomes the most recently used. */
  acquire(key: string): ProxySession {
    let session = this.#sessions.get(key);
    if (session !== undefined) this.#sessions.delete(key);
    // The key scopes the session's originals: replicas sharing a store answer the same session's markers, no other's.
    else
      session = {
        key,
        engine: createSession(this.setup, { scope: key }),
        queue: new SerialQueue(),
        recorder: new SerialQueue(),
        recording: null,
        bytes: 0,
      };
    this.#sessions.set(key, session);
    this.#evict(session);
    return session;
  }

  /** Records what a request's decisions added to `session`, dropping other sessions while over the bound. */
  grew(session: ProxySession, bytes: number): void {
    session.bytes += bytes;
    if (this.#sessions.get(session.key) === session) this.#bytes += bytes;
    this.#evict(session);
  }

  #evict(keep: ProxySession): void {
    for (const [key, session] of this.#sessions) {
      if (this.#sessions.size <= this.limits.sessions && this.#bytes <= this.limits.bytes) break;
      // The session in use stays even alone over the bound: its request is under way.
      if (session === keep) continue;
      this.#sessions.delete(key);
      this.#bytes -= session.bytes;
    }
  }
}
