/**
 * How loudly a row reports trouble. Errors (error and worse levels, failing statuses, success false,
 * error fields) are always kept; warnings are only preferred when sampling fills its budget.
 */
import type { Field, Scalar } from './row-fields.ts';

/** `error`: keep always; `warning`: keep first among the sampled rows; `none`: an ordinary row. */
export type TroubleLevel = 'error' | 'warning' | 'none';

// A whole short value that is a level or outcome of failure, whatever its key is called.
const ERROR_VALUE =
  /^(?:error|err|fatal|critical|crit|alert|emerg|emergency|exception|fail|failed|failure|failing|panic|severe|errored|crashed|timeout|timed[_ ]out|aborted|rejected|unhealthy)$/i;
const WARNING_VALUE = /^(?:warn|warning)$/i;
// The same words inside a message, e.g. "Connection failed: timeout", for rows that carry no level.
const ERROR_WORD =
  /\b(?:errors?|exceptions?|fatal|critical|panic|failed|failures?|traceback|segfault|timed out|timeout|refused|denied)\b/i;
const WARNING_WORD = /\b(?:warn|warning)\b/i;
// Only prose that reports what happened: code, paths and titles mention "Error" without being one.
const MESSAGE_KEY =
  /^(?:message|msg|log|event|details?|description|reason|summary|output|stderr|text|error_?message|status_?message|note|notes)$/i;
// A row with a level says its own severity: the words of its message do not overrule it.
const LEVEL_KEY = /^(?:level|severity|log_?level|levelname|lvl|loglevel)$/i;
const HTTP_STATUS_KEY = /^(?:status|status_?code|http_?status|response_?code|statuscode|http_code)$/i;
const EXIT_CODE_KEY = /^(?:exit_?code|return_?code|returncode|exit_?status)$/i;
const SUCCESS_KEY = /^(?:success|succeeded|ok|passed|healthy)$/i;
const FAILURE_FLAG_KEY = /^(?:is_?)?(?:error|failed|failure|errored)$/i;
const ERROR_SEGMENT = /^(?:error|errors|err|exception|exceptions|failure|failures|stack_?trace|traceback)$/i;
const SHORT_VALUE = 24;

function asNumber(value: Scalar): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d{3}$/.test(value)) return Number(value);
  return null;
}

function isEmpty(value: Scalar): boolean {
  return value === null || value === false || value === '' || value === 0;
}

/** What a key names, as bits: rows repeat the same few keys thousands of times, so each is judged once. */
const LEVEL = 1;
const MESSAGE = 2;
const HTTP_STATUS = 4;
const EXIT_CODE = 8;
const SUCCESS = 16;
const FAILURE_FLAG = 32;
const KEY_ROLES: readonly (readonly [RegExp, number])[] = [
  [LEVEL_KEY, LEVEL],
  [MESSAGE_KEY, MESSAGE],
  [HTTP_STATUS_KEY, HTTP_STATUS],
  [EXIT_CODE_KEY, EXIT_CODE],
  [SUCCESS_KEY, SUCCESS],
  [FAILURE_FLAG_KEY, FAILURE_FLAG],
];
const keyRoles = new Map<string, number>();
const MAX_CACHED_KEYS = 10_000;

function rolesOf(key: string): number {
  let roles = keyRoles.get(key);
  if (roles === undefined) {
    roles = 0;
    for (const [pattern, role] of KEY_ROLES) if (pattern.test(key)) roles |= role;
    if (keyRoles.size >= MAX_CACHED_KEYS) keyRoles.clear();
    keyRoles.set(key, roles);
  }
  return roles;
}

/** The trouble a field states by itself; message words count only when `judgeWords` (the row has no level). */
function fieldTrouble(field: Field, judgeWords: boolean): TroubleLevel {
  const { key, value } = field;
  const roles = rolesOf(key);
  if (typeof value === 'string') {
    const short = value.length <= SHORT_VALUE ? value.trim() : '';
    if (ERROR_VALUE.test(short)) return 'error';
    if (WARNING_VALUE.test(short)) return 'warning';
    if (judgeWords && (roles & MESSAGE) !== 0) {
      if (ERROR_WORD.test(value)) return 'error';
      if (WARNING_WORD.test(value)) return 'warning';
    }
  }
  if ((roles & HTTP_STATUS) !== 0) {
    const status = asNumber(value);
    if (status !== null && status >= 400 && status <= 599) return 'error';
  }
  if ((roles & EXIT_CODE) !== 0 && typeof value === 'number' && value !== 0) return 'error';
  if ((roles & SUCCESS) !== 0 && value === false) return 'error';
  if ((roles & FAILURE_FLAG) !== 0 && value === true) return 'error';
  return !isEmpty(value) && isErrorPath(field.path) ? 'error' : 'none';
}

// Rows repeat the same few paths thousands of times: judge each path once.
const errorPaths = new Map<string, boolean>();
const MAX_CACHED_PATHS = 10_000;

function isErrorPath(path: string): boolean {
  let known = errorPaths.get(path);
  if (known === undefined) {
    known = path.split('.').some((segment) => ERROR_SEGMENT.test(segment));
    if (errorPaths.size >= MAX_CACHED_PATHS) errorPaths.clear();
    errorPaths.set(path, known);
  }
  return known;
}

/** The loudest trouble any field of the row reports. */
export function troubleLevel(fields: readonly Field[]): TroubleLevel {
  const judgeWords = !fields.some((field) => typeof field.value === 'string' && (rolesOf(field.key) & LEVEL) !== 0);
  let level: TroubleLevel = 'none';
  for (const field of fields) {
    const found = fieldTrouble(field, judgeWords);
    if (found === 'error') return 'error';
    if (found === 'warning') level = 'warning';
  }
  return level;
}
