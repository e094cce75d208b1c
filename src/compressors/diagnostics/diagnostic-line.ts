/**
 * One line of a compiler's or linter's report, in the shapes tools print them:
 *
 *   src/a.ts(12,5): error TS2304: Cannot find name 'foo'.          tsc --pretty false, MSBuild
 *   src/a.c:12:5: error: 'x' undeclared (first use in this function) gcc, clang, rustc --error-format short
 *   src/a.py:12: error: Name "foo" is not defined  [name-defined]     mypy
 *   src/a.py:12:5: F401 'os' imported but unused                      flake8, ruff, pycodestyle
 *
 * rustc's and cargo's default form states the problem on one line and the place on the next:
 *
 *   error[E0425]: cannot find value `count` in this scope
 *     --> src/queue.rs:10:11
 *
 * A `path:line: message` line with neither a severity nor a code is what grep prints: not a diagnostic.
 */

export type DiagnosticSeverity = 'error' | 'warning' | 'note';

/** What one diagnostic line says. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly severity: DiagnosticSeverity;
  /** The tool's code for the kind of problem (`TS2304`, `E0308`, `F401`, `name-defined`), or null. */
  readonly code: string | null;
  readonly message: string;
}

const TSC = /^(\S[^()]*?)\((\d+),\d+\): (error|warning|message|info) ([A-Z]+\d+): (.*)$/;
const WITH_SEVERITY =
  /^(\S[^:]*?):(\d+)(?::\d+)?: ?(fatal error|error|warning|note|info|hint|remark)(?:\[([^\]\s]+)\])?: (.*)$/;
const WITH_CODE = /^(\S[^:]*?):(\d+):\d+: ([A-Z]{1,4}\d{2,5}) (.*)$/;
// mypy and gcc name the check at the end: `  [name-defined]`, ` [-Wunused-variable]`.
const TRAILING_CODE = /\s+\[(-?[\w-]+)\]$/;

const SEVERITIES: Readonly<Record<string, DiagnosticSeverity>> = {
  'fatal error': 'error',
  error: 'error',
  warning: 'warning',
  note: 'note',
  info: 'note',
  hint: 'note',
  remark: 'note',
  message: 'note',
};

function withTrailingCode(message: string): { code: string | null; message: string } {
  const match = TRAILING_CODE.exec(message);
  return match === null ? { code: null, message } : { code: match[1] ?? null, message: message.slice(0, match.index) };
}

const RUST_HEADER = /^(error|warning)(?:\[([A-Z]\d{4})\])?: (.*)$/;
const RUST_PLACE = /^\s*--> (\S.*?):(\d+):\d+$/;

/** The diagnostic rustc states on `line` with its place on `next` (`  --> file:line:col`), or null. */
export function parseRustDiagnostic(line: string, next: string | undefined): Diagnostic | null {
  if (next === undefined || !next.includes('-->')) return null;
  const header = RUST_HEADER.exec(line);
  const place = header === null ? null : RUST_PLACE.exec(next);
  if (header === null || place === null) return null;
  return {
    file: place[1] as string,
    line: Number(place[2]),
    severity: header[1] === 'warning' ? 'warning' : 'error',
    code: header[2] ?? null,
    message: header[3] as string,
  };
}

/** The diagnostic `line` states, or null when it is not one. */
export function parseDiagnostic(line: string): Diagnostic | null {
  // Every shape holds a digit and a colon; most lines of other output fail this at once.
  if (line.length > 2_000 || !line.includes(':')) return null;
  const tsc = TSC.exec(line);
  if (tsc !== null) {
    return {
      file: tsc[1] as string,
      line: Number(tsc[2]),
      severity: SEVERITIES[tsc[3] as string] ?? 'error',
      code: tsc[4] ?? null,
      message: tsc[5] as string,
    };
  }
  const severe = WITH_SEVERITY.exec(line);
  if (severe !== null) {
    const trailing =
      severe[4] === undefined
        ? withTrailingCode(severe[5] as string)
        : { code: severe[4], message: severe[5] as string };
    return {
      file: severe[1] as string,
      line: Number(severe[2]),
      severity: SEVERITIES[severe[3] as string] ?? 'error',
      ...trailing,
    };
  }
  const coded = WITH_CODE.exec(line);
  if (coded !== null) {
    const code = coded[3] as string;
    // pycodestyle and flake8: E and F codes are errors, W and C warnings; ruff uses the same letters.
    return {
      file: coded[1] as string,
      line: Number(coded[2]),
      severity: /^[EF]/.test(code) ? 'error' : 'warning',
      code,
      message: coded[4] as string,
    };
  }
  return null;
}

/** Whether `line` belongs to the diagnostic above it: the source excerpt and caret gcc, clang and rustc print under one (indented, or `  12 | code`). */
export function isDiagnosticContext(line: string): boolean {
  return /^\s/.test(line) || /^\s*\d*\s*\|/.test(line);
}

/** Whether `line` leads into the diagnostic below it: gcc's and clang's `a.c: In function 'f':`, `In file included from`. */
export function isDiagnosticHeader(line: string): boolean {
  return /^(?:In (?:function|member function|file included from|instantiation of)|\S[^:]*: (?:In (?:function|member function|instantiation of)|At top level))/.test(
    line,
  );
}
