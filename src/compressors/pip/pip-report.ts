/**
 * What `pip install` prints that says the same thing line after line: each requirement already
 * satisfied, with the site-packages path it was found in and the requirement that pulled it in,
 *
 *   Requirement already satisfied: Jinja2<3.0 in /opt/conda/lib/python3.9/site-packages (from Sphinx==4.1.0) (2.11.3)
 *
 * and each build step printed when it starts and again when it finishes
 * (`  Preparing metadata (setup.py): started` / `... : finished with status 'done'`).
 */

/** One requirement pip found installed: what was asked for, where, and the version there. */
export interface SatisfiedRequirement {
  readonly line: number;
  readonly spec: string;
  readonly path: string;
  readonly version: string;
}

// `Requirement already satisfied: SPEC in PATH [(from PARENT)] (VERSION)`; a spec may hold spaces (an
// environment marker: `tomli>=1; python_version < "3.11"`), a path holds none.
const SATISFIED = /^Requirement already satisfied: (.+?) in (\S+)(?: \(from .+?\))? \(([^()\s]+)\)\s*$/;
// `  Installing build dependencies: started`, answered by `...: finished with status 'done'`.
const STEP_STARTED = /^(\s*\S.*): started\s*$/;
const STEP_FINISHED = /^(\s*\S.*): finished with status '[^']*'\s*$/;

/** The requirement `line` reports satisfied, or null. */
export function satisfiedRequirement(text: string, line: number): SatisfiedRequirement | null {
  const match = SATISFIED.exec(text);
  if (match === null) return null;
  return { line, spec: match[1] as string, path: match[2] as string, version: match[3] as string };
}

/** Whether `line` is a step's `started` line that the next line finishes. */
export function isAnsweredStart(lines: readonly string[], line: number): boolean {
  const started = STEP_STARTED.exec(lines[line] as string);
  const finished = STEP_FINISHED.exec(lines[line + 1] ?? '');
  return started !== null && finished !== null && started[1] === finished[1];
}
