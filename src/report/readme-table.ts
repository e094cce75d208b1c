/** Keeps the README's bench tables current: each rendered table goes between two HTML comment markers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { ReportInputError } from '../errors.ts';

function only(text: string, marker: string): number {
  const first = text.indexOf(marker);
  if (first === -1) throw new ReportInputError(`README marker ${marker}`, 'missing');
  // Two sections would leave it unclear which one is the table; refuse rather than guess.
  if (text.indexOf(marker, first + marker.length) !== -1) {
    throw new ReportInputError(`README marker ${marker}`, 'appears more than once');
  }
  return first;
}

/** The markers around a named README section: `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export function readmeMarkers(section: string): { readonly start: string; readonly end: string } {
  return { start: `<!-- ${section}:start -->`, end: `<!-- ${section}:end -->` };
}

/** The lines between which the README's workload table sits. */
export const { start: README_TABLE_START, end: README_TABLE_END } = readmeMarkers('bench');

/**
 * Returns `readmeText` with what lies between a section's markers replaced by `table`: the `bench`
 * section by default (the workload table), `engine-bench` for the engine's speed figures.
 */
export function updateReadmeTable(readmeText: string, table: string, section = 'bench'): string {
  const markers = readmeMarkers(section);
  for (const marker of [markers.start, markers.end]) {
    // A marker inside the table would make the next update find two and refuse.
    if (table.includes(marker)) throw new ReportInputError('table for the README', `contains ${marker}`);
  }
  const start = only(readmeText, markers.start);
  const end = only(readmeText, markers.end);
  if (end < start) throw new ReportInputError(`README marker ${markers.end}`, `comes before ${markers.start}`);
  const before = readmeText.slice(0, start + markers.start.length);
  const after = readmeText.slice(end);
  return `${before}\n${table.trim()}\n${after}`;
}

/** Writes `table` into the README file `readmeFile` between the markers of `section` (see updateReadmeTable). */
export function writeReadmeSection(readmeFile: string | URL, table: string, section = 'bench'): void {
  writeFileSync(readmeFile, updateReadmeTable(readFileSync(readmeFile, 'utf8'), table, section));
}
