/** Keeps the README's bench table current: the rendered table goes between two HTML comment markers. */
import { ReportInputError } from '../errors.ts';

/** The line after which the README's bench table starts. */
export const README_TABLE_START = '<!-- bench:start -->';
/** The line before which the README's bench table ends. */
export const README_TABLE_END = '<!-- bench:end -->';

function only(text: string, marker: string): number {
  const first = text.indexOf(marker);
  if (first === -1) throw new ReportInputError(`README marker ${marker}`, 'missing');
  // Two sections would leave it unclear which one is the table; refuse rather than guess.
  if (text.indexOf(marker, first + marker.length) !== -1) {
    throw new ReportInputError(`README marker ${marker}`, 'appears more than once');
  }
  return first;
}

/** Returns `readmeText` with what lies between the bench markers replaced by `table`. */
export function updateReadmeTable(readmeText: string, table: string): string {
  for (const marker of [README_TABLE_START, README_TABLE_END]) {
    // A marker inside the table would make the next update find two and refuse.
    if (table.includes(marker)) throw new ReportInputError('table for the README', `contains ${marker}`);
  }
  const start = only(readmeText, README_TABLE_START);
  const end = only(readmeText, README_TABLE_END);
  if (end < start) throw new ReportInputError(`README marker ${README_TABLE_END}`, `comes before ${README_TABLE_START}`);
  const before = readmeText.slice(0, start + README_TABLE_START.length);
  const after = readmeText.slice(end);
  return `${before}\n${table.trim()}\n${after}`;
}
