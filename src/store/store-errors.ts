/** Errors only a store raises, beside the shared `StoreMiss` of `errors.ts`. */
import { TerseError } from '../errors.ts';

/** Why `put` refused an original: the caller must not emit a marker for it (no silent loss). */
export type UnstorableReason = 'larger-than-store' | 'ill-formed-utf16' | 'ref-collision';

/** An original a store cannot keep byte for byte; `ref` is the ref it would have had. */
export class UnstorableOriginalError extends TerseError {
  constructor(
    readonly ref: string,
    readonly reason: UnstorableReason,
    readonly detail: string,
  ) {
    super(`original ${ref}: ${reason} (${detail})`);
  }
}

/** A store used after `close()`; `store` names the backend and its location. */
export class StoreClosedError extends TerseError {
  constructor(readonly store: string) {
    super(`${store}: store is closed`);
  }
}
