/** loghub's and NAB's CSV files as records, read by csv-parse (RFC 4180: quoted fields, doubled quotes, CRLF or LF). */
import { parse } from 'csv-parse/sync';

/** Rows of a CSV text as records keyed by the header row; a short row's missing fields are ''. */
export function csvRecords(text: string): Record<string, string>[] {
  const rows = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  const header = rows.shift() ?? [];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}
