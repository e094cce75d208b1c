/**
 * Reads what `tree` prints: a root line, then one line per entry drawn under its directory, in either
 * character set,
 *
 *   src                      src
 *   ├── bench                |-- bench
 *   │   └── run.ts           |   `-- run.ts
 *   └── cli.ts               `-- cli.ts
 *
 *   1 directory, 2 files
 *
 * as the directories of a recursive listing (name-listing.ts): each directory's path, its entries,
 * written where it is drawn (the root at its line, a subdirectory at its entry in its parent). The
 * count line at the end is no part of it and stays as printed. A drawing without its root line (an
 * output cut at the head) is not read: no path below it is known.
 */
import type { ListedName, NameListing } from './name-listing.ts';

// One level of drawing above an entry (`│   `, `|   `, or four spaces; tree writes some of those
// spaces as U+00A0), then the entry's branch (`├── `, `└── `, `|-- `, `` `-- ``), then its name.
const ENTRY = /^((?:[│|][ \u00a0]{3}|[ \u00a0]{4})*)(?:[├└]──|[|`]--)[ \u00a0](.+)$/;
/** A tree needs this many entries before it is read as one. */
const MIN_ENTRIES = 8;
/** Entries must be at least this share of the output's non-blank lines. */
const MIN_ENTRY_SHARE = 0.5;

interface Entry {
  readonly line: number;
  readonly depth: number;
  readonly name: string;
}

/** The path of `parent`'s entry `name`. */
const joined = (parent: string, name: string): string => (parent === '/' ? `/${name}` : `${parent}/${name}`);

/** The entries of `lines` that a tree draws, or null when some entry is drawn deeper than a child of the one before. */
function entriesOf(lines: readonly string[]): Entry[] | null {
  const entries: Entry[] = [];
  let previous = 0;
  for (const [line, text] of lines.entries()) {
    const match = ENTRY.exec(text);
    if (match === null) continue;
    const depth = (match[1] as string).length / 4 + 1;
    if (depth > previous + 1) return null;
    entries.push({ line, depth, name: (match[2] as string).trimEnd() });
    previous = depth;
  }
  return entries;
}

/** The `tree` drawing `lines` hold, or null when they hold none. */
export function readTreeListing(lines: readonly string[]): NameListing | null {
  if (!lines.some((line) => line.includes('── ') || line.includes('-- '))) return null;
  const entries = entriesOf(lines);
  if (entries === null || entries.length < MIN_ENTRIES) return null;
  const nonBlank = lines.filter((line) => line.trim() !== '').length;
  if (entries.length < MIN_ENTRY_SHARE * nonBlank) return null;
  const first = entries[0] as Entry;
  // The root is the line right above the first entry, when the drawing starts at depth 1 under it.
  const rootLine = first.line - 1;
  const rootText = rootLine >= 0 ? (lines[rootLine] as string).trim() : '';
  // Without it (an output cut at the head) no path below is known: the drawing stays as printed.
  if (first.depth !== 1 || rootText === '' || ENTRY.test(lines[rootLine] as string)) return null;
  const rootPath = rootText.replace(/\/$/, '') || '/';
  const covered = new Set<number>(entries.map((entry) => entry.line));
  covered.add(rootLine);
  interface Open {
    readonly path: string;
    readonly anchor: number;
    readonly root: boolean;
    readonly entries: ListedName[];
  }
  const root: Open = { path: rootPath, anchor: rootLine, root: true, entries: [] };
  const directories: Open[] = [root];
  // The directory open at each depth: depth 0 is the root.
  const stack: Open[] = [root];
  entries.forEach((entry, index) => {
    stack.length = entry.depth;
    const parent = stack[entry.depth - 1] as Open;
    parent.entries.push({ line: entry.line, name: entry.name });
    const next = entries[index + 1];
    if (next !== undefined && next.depth > entry.depth) {
      const opened: Open = {
        path: joined(parent.path, entry.name.replace(/\/$/, '')),
        anchor: entry.line,
        root: false,
        entries: [],
      };
      directories.push(opened);
      stack.push(opened);
    }
  });
  return {
    form: 'tree',
    directories: directories.map((directory) => ({ ...directory, heading: directory.path })),
    covered,
  };
}
