/** What `terse` exits with; README "Exit codes" lists the same. */
export const EXIT_CODES = {
  /** The command did what it was asked. */
  ok: 0,
  /** It ran, and found a regression or a failed check (an errored pair, a worse comparison). */
  failed: 1,
  /** Bad input or usage: nothing was done, and nothing already stored was touched. */
  usage: 2,
  /** A bug in terse (an error it did not expect); the message carries the stack. */
  internal: 70,
} as const;
