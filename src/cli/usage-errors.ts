/**
 * Usage errors of the command line: one line saying what is wrong and one naming the help to read,
 * exit code 2, never the whole help. Help and version exit 0.
 */
import { CommanderError, type Command } from 'commander';
import { EXIT_CODES } from './exit-codes.ts';

/** Codes commander gives to output that is not an error. */
const NOT_ERRORS = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/** Makes `program` (and the commands added to it afterwards) throw its usage errors instead of exiting. */
export function throwUsageErrors(program: Command): Command {
  return program.exitOverride().configureOutput({
    // Printed by `exitCode` below, with the hint; commander's own line would come first and alone.
    outputError: () => undefined,
  });
}

/** The command path argv names (`probes check`), for the hint; empty for the program itself. */
function commandPath(program: Command, args: readonly string[]): string[] {
  const names: string[] = [];
  let current = program;
  for (const arg of args) {
    const next = current.commands.find((command) => command.name() === arg || command.aliases().includes(arg));
    if (next === undefined) break;
    names.push(next.name());
    current = next;
  }
  return names;
}

/**
 * The exit code for an error thrown while parsing, after writing its two lines to stderr;
 * null for anything that is not commander's (the caller handles it).
 */
export function usageExitCode(
  error: unknown,
  program: Command,
  args: readonly string[],
  write: (text: string) => void,
): number | null {
  if (!(error instanceof CommanderError)) return null;
  // `terse` alone prints the help (exit 2: nothing was asked); --help and --version exit 0.
  if (error.code === 'commander.help' && args.length === 0) return EXIT_CODES.usage;
  if (NOT_ERRORS.has(error.code)) return EXIT_CODES.ok;
  // One line: commander puts its "(Did you mean ...?)" on a line of its own.
  const message = error.message
    .replace(/^error: /, '')
    .trim()
    .replace(/\s*\n\s*/g, ' ');
  const help = ['terse', ...commandPath(program, args), '--help'].join(' ');
  write(`terse: ${message}\nhint: see \`${help}\`\n`);
  return EXIT_CODES.usage;
}
