/**
 * The budget of a live run: money paid by this run (answers from the response cache cost nothing
 * now). A call reserves what it may cost before it is sent; once a reservation would take spending
 * past the budget, the ledger stops for good and no further call is sent.
 */

/** A call's claim on the budget, settled with what it really cost. */
export interface Reservation {
  readonly usd: number;
}

export class SpendLedger {
  #spent = 0;
  #reserved = 0;
  #stopped = false;

  /** @param budgetUsd null for no budget. */
  constructor(readonly budgetUsd: number | null) {}

  /** USD paid by this run so far. */
  get spentUsd(): number {
    return this.#spent;
  }

  /** True once a call was refused: the run answers nothing more. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Reserves `usd` for a call, or returns null (and stops) when that would pass the budget. */
  reserve(usd: number): Reservation | null {
    if (this.#stopped) return null;
    if (this.budgetUsd !== null && this.#spent + this.#reserved + usd > this.budgetUsd) {
      this.#stopped = true;
      return null;
    }
    this.#reserved += usd;
    return { usd };
  }

  /** Releases `reservation` and books what the call cost (0 when it failed before any answer). */
  settle(reservation: Reservation, actualUsd: number): void {
    this.#reserved -= reservation.usd;
    this.#spent += actualUsd;
  }
}
