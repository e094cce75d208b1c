/**
 * Splits a log into records: a header line plus the lines that continue it (stack frames of Python,
 * Java, JS, Go and Rust traces, indented detail, blank lines).
 */
import { isContinuation, lineSeverity, lineTimestamp, type Severity } from '../../detect/log-line-grammar.ts';

/** Lines `start` to `end` (exclusive) of the log, read as one event. */
export interface LogRecord {
  readonly start: number;
  readonly end: number;
  /** What the header states, or `error` for a trace under a header that states nothing. */
  readonly severity: Severity | null;
  readonly timestamp: string | null;
  /** True when the record carries a stack trace or panic. */
  readonly hasTrace: boolean;
}

type TraceMode = 'none' | 'python' | 'go' | 'rust';

const EXCEPTION_LINE = /^(?:[\w$]+\.)*[\w$]*(?:Exception|Error|Throwable|Exit|Interrupt)\b|^Uncaught \w/;
const GO_FRAME = /^(?:goroutine \d+ \[.*\]:|\S+\(.*\)(?: \S+)?$|created by |\t|\[signal |exit status \d+)/;
const PANIC_START = /^(?:panic: |fatal error: |thread '.*' panicked at )/;
const TRACE_LINE =
  /^(?:Traceback \(most recent call last\):|\s+at \S|Caused by:|goroutine \d+ \[|panic: |thread '.*' panicked at |stack backtrace:)/;

/** Groups `lines` into records in one pass. */
export function splitRecords(lines: readonly string[]): LogRecord[] {
  const records: LogRecord[] = [];
  let start = 0;
  let mode: TraceMode = 'none';
  let hasTrace = false;
  const close = (end: number): void => {
    if (end <= start) return;
    const header = lines[start] as string;
    const stated = PANIC_START.test(header) ? 'fatal' : lineSeverity(header);
    records.push({
      start,
      end,
      severity: stated ?? (hasTrace ? 'error' : null),
      timestamp: lineTimestamp(header),
      hasTrace,
    });
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const continues = i > 0 && continuesRecord(line, mode);
    if (!continues) {
      close(i);
      start = i;
      hasTrace = false;
      mode = 'none';
    }
    if (TRACE_LINE.test(line)) hasTrace = true;
    mode = nextMode(line, mode);
  }
  close(lines.length);
  return records;
}

function continuesRecord(line: string, mode: TraceMode): boolean {
  if (line.trim().length === 0) return true;
  if (mode === 'python') return true;
  if (mode === 'go' && GO_FRAME.test(line)) return true;
  if (mode === 'rust' && lineTimestamp(line) === null && lineSeverity(line) === null) return true;
  if (isContinuation(line)) return true;
  return lineTimestamp(line) === null && EXCEPTION_LINE.test(line);
}

/** The trace mode after `line`: Python ends at its exception line, Go and Rust at a foreign line. */
function nextMode(line: string, mode: TraceMode): TraceMode {
  if (line.startsWith('Traceback (most recent call last):')) return 'python';
  if (/^(?:panic: |fatal error: |goroutine \d+ \[)/.test(line)) return 'go';
  if (/^thread '.*' panicked at /.test(line)) return 'rust';
  if (
    mode === 'python' &&
    line.trim().length > 0 &&
    !/^\s/.test(line) &&
    !/^(?:During handling|The above exception)/.test(line)
  )
    return 'none';
  return mode;
}
