/**
 * A compiler's or linter's report read as records: each diagnostic line with the context lines
 * under it (source excerpt, caret), and the lines that are neither (a summary like `Found 12
 * errors.`, a banner). Null when the text is not mostly such a report.
 */
import {
  isDiagnosticContext,
  isDiagnosticHeader,
  parseDiagnostic,
  parseRustDiagnostic,
  type Diagnostic,
} from './diagnostic-line.ts';

/** One diagnostic and the lines it spans in the report. */
export interface DiagnosticRecord {
  readonly diagnostic: Diagnostic;
  /** Index of its first line in the report: a header leading into it (gcc's `In function`), else its own. */
  readonly start: number;
  /** One past its last context line. */
  readonly end: number;
}

export interface DiagnosticReport {
  readonly lines: readonly string[];
  readonly records: readonly DiagnosticRecord[];
  /** Indices of non-blank lines that belong to no diagnostic. */
  readonly others: readonly number[];
}

/** Diagnostics below this count are read whole by anyone: nothing to fold. */
export const MIN_DIAGNOSTICS = 8;
// Share of non-blank lines that must be diagnostics or their context: a build log that quotes a few is a log.
const MIN_SHARE = 0.9;
// Lines read before a text that is mostly not diagnostics is given up on.
const PREFIX_LINES = 400;

function diagnosticAt(lines: readonly string[], index: number): Diagnostic | null {
  const line = lines[index] as string;
  return parseDiagnostic(line.endsWith('\r') ? line.slice(0, -1) : line);
}

/** `text` as a diagnostic report, or null when fewer than MIN_DIAGNOSTICS lines or MIN_SHARE of it are diagnostics. */
export function readDiagnosticReport(text: string): DiagnosticReport | null {
  const lines = text.split('\n');
  const records: DiagnosticRecord[] = [];
  const others: number[] = [];
  let nonBlank = 0;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as string;
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    nonBlank += 1;
    // A header is read with the diagnostic right below it.
    const header = isDiagnosticHeader(line) && index + 1 < lines.length ? diagnosticAt(lines, index + 1) : null;
    const rustDiagnostic = header === null ? parseRustDiagnostic(line, lines[index + 1]) : null;
    const rust = rustDiagnostic !== null;
    const diagnostic = header ?? rustDiagnostic ?? diagnosticAt(lines, index);
    if (header !== null) nonBlank += 1;
    if (diagnostic === null) {
      others.push(index);
      index += 1;
      // The others alone already rule out the share, or a long prefix is mostly not a report
      // (a large log that quotes a few diagnostics): no need to read on.
      if (others.length > (1 - MIN_SHARE) * lines.length || (index > PREFIX_LINES && others.length > nonBlank / 2))
        return null;
      continue;
    }
    let end = header === null ? index + 1 : index + 2;
    if (rust) {
      // rustc's diagnostic runs to the blank line after it: place, excerpt, notes and help.
      while (end < lines.length && (lines[end] as string).trim() !== '') end += 1;
    } else {
      while (
        end < lines.length &&
        lines[end] !== '' &&
        isDiagnosticContext(lines[end] as string) &&
        parseDiagnostic(lines[end] as string) === null
      )
        end += 1;
    }
    nonBlank += end - index - (header === null ? 1 : 2);
    records.push({ diagnostic, start: index, end });
    index = end;
  }
  if (records.length < MIN_DIAGNOSTICS || others.length > (1 - MIN_SHARE) * nonBlank) return null;
  return { lines, records, others };
}
