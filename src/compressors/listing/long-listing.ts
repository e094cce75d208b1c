/**
 * Reads the long format of `ls -l` (`drwxr-xr-x  2 root root 4096 Oct 24  2024 .circleci`): each
 * entry's mode, link count, owner, group, size, date and name, and where the entries stand among
 * the other lines of the output (`total 524`, `dir:` headings of `ls -lR`, a tool's wrapper tags).
 */

/** One `ls -l` line, split into its columns. */
export interface ListingEntry {
  /** Index of the line in the output. */
  readonly line: number;
  /** `drwxr-xr-x`, `-rw-r--r--`, `lrwxrwxrwx` (with a trailing `.`, `+` or `@` when ls printed one). */
  readonly mode: string;
  readonly links: string;
  readonly owner: string;
  readonly group: string;
  /** Bytes (`4096`), a human size (`1.2K`), or a device's `major, minor`. */
  readonly size: string;
  /** As printed: `Oct 24  2024`, `Nov 19 00:21`, `2024-10-24 12:00`. */
  readonly date: string;
  /** The name, with ` -> target` for a symbolic link. */
  readonly name: string;
}

// mode, links, owner, group, size, date (month day year-or-time, or ISO date and time), name
const LONG_LINE =
  /^([-dlcbps][-rwxsStT]{9}[.+@]?)\s+(\d+)\s+(\S+)\s+(\S+)\s+(\d+,\s*\d+|\d+(?:\.\d+)?[KMGTP]?)\s+((?:[A-Z][a-z]{2}\s+\d{1,2}\s+(?:\d{4}|\d{1,2}:\d{2}))|(?:\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s+[-+]\d{4})?))\s(.+)$/;

/** The entry a line holds, or null when it is no `ls -l` line. */
export function parseEntry(text: string, line: number): ListingEntry | null {
  const match = LONG_LINE.exec(text);
  if (match === null) return null;
  const [, mode, links, owner, group, size, date, name] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { line, mode, links, owner, group, size, date, name };
}

/** Every `ls -l` entry of `lines`, in order. */
export function listingEntries(lines: readonly string[]): ListingEntry[] {
  const entries: ListingEntry[] = [];
  lines.forEach((text, line) => {
    const entry = parseEntry(text, line);
    if (entry !== null) entries.push(entry);
  });
  return entries;
}
