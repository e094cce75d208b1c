/** The sessions the proxy holds, least recently used dropped first so memory stays bounded. */
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
}

/** The trace file a session is recorded into, and the messages already in it. */
export interface SessionRecording {
  readonly file: string;
  /** Hash of each message written, in order: a request that does not extend them starts a new file. */
  readonly messageHashes: string[];
}

/** An LRU of sessions over one engine setup. */
export class SessionRegistry {
  readonly #sessions = new Map<string, ProxySession>();

  constructor(
    private readonly setup: EngineSetup,
    private readonly limit: number,
  ) {}

  get size(): number {
    return this.#sessions.size;
  }

  /** Every session held now. */
  all(): IterableIterator<ProxySession> {
    return this.#sessions.values();
  }

  /** The session for `key`, created when new; it becomes the most recently used. */
  acquire(key: string): ProxySession {
    let session = this.#sessions.get(key);
    if (session !== undefined) this.#sessions.delete(key);
    else session = { key, engine: createSession(this.setup), queue: new SerialQueue(), recorder: new SerialQueue(), recording: null };
    this.#sessions.set(key, session);
    while (this.#sessions.size > this.limit) {
      const oldest = this.#sessions.keys().next();
      if (oldest.done === true) break;
      this.#sessions.delete(oldest.value);
    }
    return session;
  }
}
