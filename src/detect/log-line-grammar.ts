/** What a log line looks like: timestamps and severity levels, shared by the log detector and compressor. */

/** Severity rank: higher is worse. `null` when a line names no level. */
export type Severity = 'trace' | 'debug' | 'info' | 'notice' | 'warn' | 'error' | 'fatal';

/** Severities in order, so "warn or worse" is a comparison. */
export const SEVERITY_RANK: Record<Severity, number> = {
  trace: 0,
  debug: 1,
  info: 2,
  notice: 3,
  warn: 4,
  error: 5,
  fatal: 6,
};

const LEVEL_WORDS: Record<string, Severity> = {
  TRACE: 'trace',
  FINEST: 'trace',
  FINER: 'trace',
  FINE: 'debug',
  DEBUG: 'debug',
  VERBOSE: 'debug',
  INFO: 'info',
  INFORMATION: 'info',
  NOTICE: 'notice',
  WARN: 'warn',
  WARNING: 'warn',
  ERROR: 'error',
  ERR: 'error',
  SEVERE: 'error',
  CRITICAL: 'fatal',
  CRIT: 'fatal',
  FATAL: 'fatal',
  FAILURE: 'error',
  ALERT: 'fatal',
  EMERG: 'fatal',
  PANIC: 'fatal',
};

// A level word standing alone (INFO, [WARN], level=error, <E>): never inside another word.
const LEVEL_TOKEN =
  /(?:^|[\s[(<|:=-])(TRACE|FINEST|FINER|FINE|DEBUG|VERBOSE|INFO|INFORMATION|NOTICE|WARN|WARNING|ERROR|ERR|SEVERE|CRITICAL|CRIT|FATAL|FAILURE|ALERT|EMERG|PANIC|trace|debug|info|notice|warn|warning|error|fatal|critical)(?=$|[\s\]):>|,-])/;
// Android logcat: "03-17 16:13:38.811  1702  2395 D Tag:" carries a one-letter level.
const LOGCAT_LEVEL = /^\d\d-\d\d \d\d:\d\d:\d\d\.\d+\s+\d+\s+\d+ ([VDIWEF]) /;
const LOGCAT: Record<string, Severity> = { V: 'trace', D: 'debug', I: 'info', W: 'warn', E: 'error', F: 'fatal' };

/** Timestamps as they open log lines: ISO, syslog, loghub's compact forms, epoch seconds. */
const TIMESTAMP_PATTERNS: readonly RegExp[] = [
  /\d{4}[-/.]\d{2}[-/.]\d{2}[T\s_-]\d{2}[:.]\d{2}[:.]\d{2}(?:[.,:]\d+)?(?:Z|[+-]\d{2}:?\d{2})?/,
  /\b\d{1,2}:\d{2}:\d{2}(?:[.,:]\d+)?\b/,
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d\b/,
  /^\d{6} \d{6}\b/,
  /\b1[0-9]{9}(?:\.\d+)?\b/,
  /^\d{8}-\d{1,2}:\d{1,2}:\d{1,2}/,
];

const HEAD_CHARS = 64;
const CONTINUATION = /^(?:\s+\S|Caused by:|Traceback \(most recent call last\):|goroutine \d+ \[|\.\.\. \d+ more)/;

/** The timestamp text near the start of a line, or null. */
export function lineTimestamp(line: string): string | null {
  // Every pattern holds two digits in a row: a head without them holds no timestamp.
  if (!hasDigitPair(line, HEAD_CHARS + 32)) return null;
  const head = line.slice(0, HEAD_CHARS + 32);
  for (const pattern of TIMESTAMP_PATTERNS) {
    const match = pattern.exec(head);
    if (match !== null && match.index <= HEAD_CHARS) return match[0];
  }
  return null;
}

/** True when two ASCII digits stand side by side in the first `limit` characters of `line`. */
function hasDigitPair(line: string, limit: number): boolean {
  const end = Math.min(line.length, limit);
  let previousDigit = false;
  for (let i = 0; i < end; i += 1) {
    const c = line.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39;
    if (digit && previousDigit) return true;
    previousDigit = digit;
  }
  return false;
}

/** The severity a line states near its start, or null when it states none. */
export function lineSeverity(line: string): Severity | null {
  const logcat = LOGCAT_LEVEL.exec(line);
  if (logcat !== null) return LOGCAT[logcat[1] as string] ?? null;
  const match = LEVEL_TOKEN.exec(line.slice(0, 160));
  if (match === null) return null;
  return LEVEL_WORDS[(match[1] as string).toUpperCase()] ?? null;
}

/** True for continuation lines of a multi-line record (stack frames, indented detail). */
export function isContinuation(line: string): boolean {
  return CONTINUATION.test(line);
}
