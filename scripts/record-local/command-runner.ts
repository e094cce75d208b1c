/**
 * Runs one step's real command with a fixed argument list and a fixed environment, and captures
 * stdout and stderr interleaved exactly as the process wrote them (both go to one file).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { rgPath } from '@vscode/ripgrep';
import type { Step, ToolName } from './session.ts';

/** Where a recording runs: the repository root, the session's work dir, and a scratch file. */
export interface RunPlace {
  readonly root: string;
  readonly work: string;
  readonly captureFile: string;
}

/** The raw result of one command. */
export interface RawOutput {
  readonly text: string;
  readonly exitCode: number;
}

const STEP_TIMEOUT_MS = 120_000;
// A leading `~` would expand in a shell; inside a word (HEAD~1) it is literal.
const SHELL_SAFE = /^[A-Za-z0-9_\-.,/:=@+%^][A-Za-z0-9_\-.,/:=@+%^~]*$/;

/** Quotes an argument the way a shell user would type it. */
function shellQuote(arg: string): string {
  return SHELL_SAFE.test(arg) ? arg : `'${arg.split("'").join(`'\\''`)}'`;
}

/** Replaces `{root}` and `{work}` in an argument with real directories (or the ones shown). */
export function expandArg(arg: string, dirs: { readonly root: string; readonly work: string }): string {
  return arg.split('{root}').join(dirs.root).split('{work}').join(dirs.work);
}

/**
 * The command line an agent would have typed for this step, with the given directories. The bash
 * tool keeps its directory between calls (it starts at the root), so a `cd` is shown only when the
 * step runs somewhere other than where the previous one ran.
 */
export function commandLine(
  step: Step,
  dirs: { readonly root: string; readonly work: string },
  previousDir: string,
): string {
  const shown = step.tool === 'tsc' ? 'npx tsc' : step.tool;
  const line = [shown, ...step.args.map((arg) => shellQuote(expandArg(arg, dirs)))].join(' ');
  const dir = workingDirectory(step, dirs);
  return dir === previousDir ? line : `cd ${dir} && ${line}`;
}

/** The directory a step runs in. */
export function workingDirectory(step: Step, dirs: { readonly root: string; readonly work: string }): string {
  return step.cwd === undefined || step.cwd === 'root'
    ? dirs.root
    : path.join(dirs.work, step.cwd.slice('work'.length));
}

/** The executable and leading arguments of each tool: pinned binaries where the project has them. */
function executable(tool: ToolName, root: string): { file: string; lead: string[] } {
  switch (tool) {
    case 'rg':
      return { file: rgPath, lead: [] };
    case 'node':
      return { file: process.execPath, lead: [] };
    case 'tsc':
      return { file: process.execPath, lead: [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')] };
    default:
      return { file: tool, lead: [] };
  }
}

/** A fixed environment: no colour, C locale, UTC, no user or system git/npm configuration. */
export function fixedEnvironment(work: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    PATH: `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: path.join(work, 'home'),
    LC_ALL: 'C',
    LANG: 'C',
    TZ: 'UTC',
    TERM: 'dumb',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_PAGER: 'cat',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_cache: path.join(work, 'npm-cache'),
    ...extra,
  };
}

function isExecError(error: unknown): error is Error & { status: number | null; signal: string | null } {
  return error instanceof Error && 'status' in error;
}

/** Runs the step; a non-zero exit is a normal result (failures are what SRE sessions record). */
export function runStep(step: Step, place: RunPlace): RawOutput {
  const { file, lead } = executable(step.tool, place.root);
  const fd = openSync(place.captureFile, 'w');
  let exitCode = 0;
  try {
    execFileSync(file, [...lead, ...step.args.map((arg) => expandArg(arg, place))], {
      cwd: workingDirectory(step, place),
      env: fixedEnvironment(place.work, step.env),
      stdio: ['ignore', fd, fd],
      timeout: STEP_TIMEOUT_MS,
    });
  } catch (error) {
    if (!isExecError(error) || error.status === null) throw error;
    exitCode = error.status;
  } finally {
    closeSync(fd);
  }
  const text = readFileSync(place.captureFile, 'utf8');
  rmSync(place.captureFile, { force: true });
  return { text, exitCode };
}
