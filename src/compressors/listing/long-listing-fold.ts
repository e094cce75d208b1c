/**
 * `ls -l` output with its columns folded. Most entries of a listing share
 * their mode, owner, group and date, and every directory its size; those are said once, in a line
 * where the listing starts, and each entry keeps its name (a directory with a trailing `/`), a file's
 * size, and whatever of its columns differs from the rest:
 *
 *   (35 ls -l entries as name and size, a directory ending in /; unless shown: files -rw-r--r--, directories drwxr-xr-x 4096, owner root root, date Oct 24  2024; link counts left out)
 *   ./ drwxrwxrwx
 *   ../ Nov 19 00:21
 *   .codecov.yml 129
 *
 * Every other line (`total 524`, a tool's wrapper) stays as it was. Only link counts are dropped; the
 * marker at the end points at the listing as printed.
 */
import type { CompressResult } from '../compressor.ts';
import { dropInput } from '../lossy-result.ts';
import { listingEntries, type ListingEntry } from './long-listing.ts';

/** Fewer entries than this is no listing worth a header. */
const MIN_ENTRIES = 6;
/** Entries must be at least this share of the output's non-blank lines. */
const MIN_ENTRY_SHARE = 0.5;

/** What most entries of a listing share. */
interface Common {
  readonly fileMode: string | null;
  readonly dirMode: string | null;
  readonly dirSize: string | null;
  readonly owner: string;
  readonly date: string;
}

/** The most frequent of `values` (the first to reach the top count on a tie), or null when there are none. */
function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (best === null || count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

const isDirectory = (entry: ListingEntry): boolean => entry.mode.startsWith('d');
const isFile = (entry: ListingEntry): boolean => entry.mode.startsWith('-');
const ownerOf = (entry: ListingEntry): string => `${entry.owner} ${entry.group}`;

function commonOf(entries: readonly ListingEntry[]): Common {
  const dirs = entries.filter(isDirectory);
  return {
    fileMode: mostCommon(entries.filter(isFile).map((entry) => entry.mode)),
    dirMode: mostCommon(dirs.map((entry) => entry.mode)),
    dirSize: mostCommon(dirs.map((entry) => entry.size)),
    owner: mostCommon(entries.map(ownerOf)) as string,
    date: mostCommon(entries.map((entry) => entry.date)) as string,
  };
}

function describeCommon(count: number, common: Common): string {
  const shared = [
    ...(common.fileMode === null ? [] : [`files ${common.fileMode}`]),
    ...(common.dirMode === null ? [] : [`directories ${common.dirMode} ${common.dirSize ?? ''}`.trimEnd()]),
    `owner ${common.owner}`,
    `date ${common.date}`,
  ];
  return `(${count} ls -l entries as name and size, a directory ending in /; unless shown: ${shared.join(', ')}; link counts left out)`;
}

function renderEntry(entry: ListingEntry, common: Common): string {
  const dir = isDirectory(entry);
  const parts = [dir ? `${entry.name}/` : entry.name];
  if (dir ? entry.size !== common.dirSize : true) parts.push(entry.size);
  const usual = dir ? common.dirMode : isFile(entry) ? common.fileMode : null;
  if (entry.mode !== usual) parts.push(entry.mode);
  if (ownerOf(entry) !== common.owner) parts.push(ownerOf(entry));
  if (entry.date !== common.date) parts.push(entry.date);
  return parts.join(' ');
}

/** `text` (split into `lines`) with its `ls -l` entries folded, or null when it is no such listing. */
export function foldLongListing(text: string, lines: readonly string[]): CompressResult | null {
  const entries = listingEntries(lines);
  if (entries.length < MIN_ENTRIES) return null;
  const nonBlank = lines.reduce((count, line) => (line.trim() === '' ? count : count + 1), 0);
  if (entries.length < MIN_ENTRY_SHARE * nonBlank) return null;
  const common = commonOf(entries);
  const byLine = new Map(entries.map((entry) => [entry.line, entry]));
  const first = entries[0] as ListingEntry;
  const out: string[] = [];
  lines.forEach((line, index) => {
    if (index === first.line) out.push(describeCommon(entries.length, common));
    const entry = byLine.get(index);
    out.push(entry === undefined ? line : renderEntry(entry, common));
  });
  const drop = dropInput(text);
  out.push(drop.marker(`${entries.length} ls -l lines written as name and size; the ref holds them as printed`));
  return drop.result(out.join('\n'));
}
