/** The named error of the `local` recorder: a step or probe that did not come out as the session expects. */
import { TerseError } from '../../src/errors.ts';

/** Raised when a recording cannot be trusted; names the session and what went wrong. */
export class RecordingError extends TerseError {
  constructor(
    readonly session: string,
    readonly reason: string,
  ) {
    super(`local session ${session}: ${reason}`);
  }
}
