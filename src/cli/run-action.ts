/** A command's action: its exit code, or a one-line error for a TerseError and exit 70 with the stack for anything else. */
import { TerseError } from '../errors.ts';
import { EXIT_CODES } from './exit-codes.ts';

export async function run(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    if (error instanceof TerseError) {
      process.stderr.write(`terse: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(
      `terse: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT_CODES.internal;
  }
}
