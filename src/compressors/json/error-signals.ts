/** Whether a row reports trouble: error or warning levels, failing statuses, error fields, error words. */
import type { Field, Scalar } from './row-fields.ts';

// A whole short value that is a level or outcome of trouble, whatever its key is called.
const TROUBLE_VALUE =
  /^(?:error|err|fatal|critical|crit|alert|emerg|emergency|exception|fail|failed|failure|failing|warn|warning|panic|severe|errored|crashed|timeout|timed[_ ]out|aborted|rejected|unhealthy)$/i;
// The same words inside longer text, e.g. a log message "Connection failed: timeout".
const TROUBLE_WORD =
  /\b(?:errors?|exceptions?|fatal|critical|panic|failed|failures?|traceback|segfault|warn|warning|timed out|timeout|refused|denied)\b/i;
const HTTP_STATUS_KEY = /^(?:status|status_?code|http_?status|response_?code|statuscode|http_code)$/i;
const EXIT_CODE_KEY = /^(?:exit_?code|return_?code|returncode|exit_?status)$/i;
const SUCCESS_KEY = /^(?:success|succeeded|ok|passed|healthy)$/i;
const FAILURE_FLAG_KEY = /^(?:is_?)?(?:error|failed|failure|errored)$/i;
const ERROR_SEGMENT = /^(?:error|errors|err|exception|exceptions|failure|failures|stack_?trace|traceback)$/i;

function asNumber(value: Scalar): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d{3}$/.test(value)) return Number(value);
  return null;
}

function isEmpty(value: Scalar): boolean {
  return value === null || value === false || value === '' || value === 0;
}

/** True when the field by itself says something went wrong. */
export function isTroubleField(field: Field): boolean {
  const { key, value } = field;
  if (typeof value === 'string') {
    if (value.length <= 24 && TROUBLE_VALUE.test(value.trim())) return true;
    if (TROUBLE_WORD.test(value)) return true;
  }
  if (HTTP_STATUS_KEY.test(key)) {
    const status = asNumber(value);
    if (status !== null && status >= 400 && status <= 599) return true;
  }
  if (EXIT_CODE_KEY.test(key) && typeof value === 'number' && value !== 0) return true;
  if (SUCCESS_KEY.test(key) && value === false) return true;
  if (FAILURE_FLAG_KEY.test(key) && value === true) return true;
  return !isEmpty(value) && isErrorPath(field.path);
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

/** True when any field of the row says something went wrong. */
export function isTroubleRow(fields: readonly Field[]): boolean {
  return fields.some(isTroubleField);
}
