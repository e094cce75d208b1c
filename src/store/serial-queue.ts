/** Runs async tasks one after another: a DuckDB connection holds one transaction at a time. */

/** A FIFO of async tasks; a failing task rejects only its own caller, and the queue goes on. */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
