/**
 * Writes a name listing (name-listing.ts) one line per directory, `path: name name name`, and shows
 * only some directories of a recursive listing (`ls -R`, `tree`; a `find` listing is often a search's answer,
 * `find -name`, and keeps every path). Shown first: the directories the listing was asked for, every
 * directory holding a name the conversation mentions, and the directories above those; then the
 * shallowest directories, in listing order, while they fit the budget. Each run of hidden
 * directories leaves one line saying how many directories it hides, under which path, and how many
 * files of which extensions they hold:
 *
 *   .: AUTHORS LICENSE setup.py tox.ini
 *   ./sympy: abc.py conftest.py galgebra.py release.py this.py
 *   (14 directories under ./sympy/physics hidden, holding 162 names: 150 .py, 12 .txt)
 *
 * In `ls -R` and `tree`, a subdirectory shown on its own line is not repeated among its parent's names; one that
 * is hidden stays there, ending in `/`.
 */
import type { ListingMentions } from './listing-mentions.ts';
import { listsEveryDirectory, type ListedDirectory, type NameListing } from './name-listing.ts';

/** A name more directories than this hold (or are called) pins none of them when mentioned. */
const MAX_PLACES_NAMED = 3;
/** Extensions a hidden run names one by one; the rest are counted together. */
const NAMED_EXTENSIONS = 3;

/** What the caller learns besides the text: how much of the listing it hides. */
export interface RenderedListing {
  readonly lines: readonly string[];
  readonly names: number;
  readonly directories: number;
  readonly hiddenNames: number;
  readonly hiddenDirectories: number;
}

/** How to choose the directories shown: the token cost of a line, and the share of the listing's tokens shown. */
export interface ListingBudget {
  readonly cost: (line: string) => number;
  /** Share of the directories' lines (their tokens) shown, the ones always shown included; 1 shows every one. */
  readonly share: number;
}

const bare = (name: string): string => name.replace(/[/*@|]$/, '');

/** The path of `directory`'s subdirectory `name`, as a heading of the same listing would write it. */
const childPath = (directory: ListedDirectory, name: string): string | null =>
  directory.path === null ? null : `${directory.path === '/' ? '' : directory.path}/${bare(name)}`;

/** Depth below the listing's first directory: `./a/b` is 2 under `.`; a directory without a path comes last. */
function depthOf(directory: ListedDirectory): number {
  if (directory.path === null) return Number.POSITIVE_INFINITY;
  return directory.path.split('/').length;
}

/** The paths of `path`'s ancestors: `./a/b` has `.` and `./a`. */
function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join('/') || '/');
}

/** The last name of a directory's path (`core` for `./sympy/core`), or null when it has none worth reading. */
function lastName(directory: ListedDirectory): string | null {
  const last = directory.path?.split('/').pop();
  return last === undefined || last === '.' || last === '' ? null : last;
}

/**
 * The names, lower-cased, that more than MAX_PLACES_NAMED directories of the listing hold or are
 * called: a mention of `__init__.py`, `conf.py` or `tests` does not say which directory is meant.
 */
function commonNames(directories: readonly ListedDirectory[]): Set<string> {
  const places = new Map<string, number>();
  const count = (name: string): void => {
    const key = bare(name).toLowerCase();
    places.set(key, (places.get(key) ?? 0) + 1);
  };
  for (const directory of directories) {
    const last = lastName(directory);
    if (last !== null) count(last);
    for (const entry of new Set(directory.entries.map((each) => each.name))) count(entry);
  }
  return new Set([...places].filter(([, count]) => count > MAX_PLACES_NAMED).map(([name]) => name));
}

/** Whether a directory must be shown: one the listing was asked for, or one whose path or a name in it is mentioned and not common. */
function pinned(directory: ListedDirectory, mentions: ListingMentions, common: ReadonlySet<string>): boolean {
  if (directory.root) return true;
  const telling = (name: string): boolean => !common.has(bare(name).toLowerCase()) && mentions.has(bare(name));
  const last = lastName(directory);
  return (last !== null && telling(last)) || directory.entries.some((entry) => telling(entry.name));
}

/** The directories to show, by index: pinned ones and their ancestors, then the shallowest that fit `budget`. */
function chooseShown(
  listing: NameListing,
  lineOf: (index: number) => string,
  mentions: ListingMentions,
  budget: ListingBudget,
): Set<number> {
  const { directories } = listing;
  // A `find` listing is often a search's answer (`find -name`): every path it prints is a finding.
  if (!listsEveryDirectory(listing.form) || budget.share >= 1) return new Set(directories.keys());
  const indexByPath = new Map<string, number>();
  directories.forEach((directory, index) => {
    if (directory.path !== null && !indexByPath.has(directory.path)) indexByPath.set(directory.path, index);
  });
  const shown = new Set<number>();
  const common = commonNames(directories);
  directories.forEach((directory, index) => {
    if (!pinned(directory, mentions, common)) return;
    shown.add(index);
    for (const ancestor of ancestorsOf(directory.path ?? '')) {
      const found = indexByPath.get(ancestor);
      if (found !== undefined) shown.add(found);
    }
  });
  const costs = directories.map((_, index) => budget.cost(lineOf(index)));
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  let left = budget.share * total - [...shown].reduce((sum, index) => sum + (costs[index] as number), 0);
  const rest = [...directories.keys()]
    .filter((index) => !shown.has(index))
    .sort((a, b) => depthOf(directories[a] as ListedDirectory) - depthOf(directories[b] as ListedDirectory) || a - b);
  for (const index of rest) {
    const cost = costs[index] as number;
    if (cost > left) continue;
    shown.add(index);
    left -= cost;
  }
  return shown;
}

/** `.py` for `symbol.py`, '' for `Makefile` or `.gitignore`. */
function extensionOf(name: string): string {
  const plain = bare(name);
  const dot = plain.lastIndexOf('.');
  return dot > 0 && dot < plain.length - 1 ? plain.slice(dot) : '';
}

/** `(3 directories under ./doc/usage hidden, holding 22 names: 20 .rst, 2 .py)`: what one run of hidden directories holds. */
function hiddenRunLine(
  run: readonly ListedDirectory[],
  isDirectory: (directory: ListedDirectory, name: string) => boolean,
): string {
  const paths = run.map((directory) => directory.path).filter((path): path is string => path !== null);
  const files = run.flatMap((directory) => directory.entries.filter((entry) => !isDirectory(directory, entry.name)));
  const byExtension = new Map<string, number>();
  for (const file of files) {
    const extension = extensionOf(file.name);
    byExtension.set(extension, (byExtension.get(extension) ?? 0) + 1);
  }
  const counted = [...byExtension].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shownKinds = counted
    .slice(0, NAMED_EXTENSIONS)
    .map(([extension, count]) => `${count} ${extension || 'without extension'}`);
  const others = counted.slice(NAMED_EXTENSIONS).reduce((sum, [, count]) => sum + count, 0);
  const kinds = [...shownKinds, ...(others > 0 ? [`${others} other`] : [])].join(', ');
  const where = paths.length === 0 ? '' : ` under ${commonPath(paths)}`;
  const names = `${files.length} ${files.length === 1 ? 'name' : 'names'}`;
  const breakdown = kinds === '' ? '' : `: ${kinds}`;
  const headed = run.filter((directory) => directory.heading !== null).length;
  if (headed === 1 && run.length === 1 && paths.length === 1)
    return `(${paths[0]} hidden, holding ${names}${breakdown})`;
  if (headed === 0) return `(${names} hidden${breakdown})`;
  return `(${headed} ${headed === 1 ? 'directory' : 'directories'}${where} hidden, holding ${names}${breakdown})`;
}

/** The deepest path all of `paths` lie in or are. */
function commonPath(paths: readonly string[]): string {
  let common = (paths[0] as string).split('/');
  for (const path of paths.slice(1)) {
    const parts = path.split('/');
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) same++;
    common = common.slice(0, same);
  }
  return common.join('/') || '/';
}

/** A stretch of the output: a line the listing does not cover, a directory, or a run of hidden directories. */
type Segment =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'directory'; readonly index: number }
  | { readonly kind: 'hidden'; readonly indices: readonly number[] };

/** The output cut into segments, the directories not in `shown` gathered into runs. */
function segmentsOf(lines: readonly string[], listing: NameListing, shown: ReadonlySet<number>): Segment[] {
  const anchors = new Map(listing.directories.map((directory, index) => [directory.anchor, index]));
  const segments: Segment[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length > 0) segments.push({ kind: 'hidden', indices: run });
    run = [];
  };
  lines.forEach((text, line) => {
    const index = anchors.get(line);
    if (index !== undefined && !shown.has(index)) run.push(index);
    else if (index !== undefined) {
      flush();
      segments.push({ kind: 'directory', index });
    } else if (!listing.covered.has(line)) {
      flush();
      segments.push({ kind: 'line', text });
    }
  });
  flush();
  return segments;
}

/**
 * `lines` with the listing written one line per directory, the directories `budget` leaves out
 * hidden behind a line each run; lines the listing does not cover stay as they were.
 */
export function renderNameListing(
  lines: readonly string[],
  listing: NameListing,
  mentions: ListingMentions,
  budget: ListingBudget,
): RenderedListing {
  const { directories } = listing;
  const paths = new Set(directories.map((directory) => directory.path).filter((path) => path !== null));
  const isDirectory = (directory: ListedDirectory, name: string): boolean => {
    const child = childPath(directory, name);
    return child !== null && paths.has(child);
  };
  const lineWith = (directory: ListedDirectory, names: readonly string[]): string =>
    `${directory.heading === null ? '' : `${directory.heading}:`}${names.length > 0 && directory.heading !== null ? ' ' : ''}${names.join(' ')}`;
  // Chosen on lines that name every entry: a subdirectory shown after all is then said twice at worst.
  const fullLine = (index: number): string => {
    const directory = directories[index] as ListedDirectory;
    return lineWith(
      directory,
      directory.entries.map((entry) => entry.name),
    );
  };
  const shown = chooseShown(listing, fullLine, mentions, budget);
  const describe = (indices: readonly number[]): string =>
    hiddenRunLine(
      indices.map((index) => directories[index] as ListedDirectory),
      isDirectory,
    );
  // A run its line does not make shorter is shown after all.
  for (const segment of segmentsOf(lines, listing, shown)) {
    if (segment.kind !== 'hidden') continue;
    const showing = segment.indices.reduce((sum, index) => sum + budget.cost(fullLine(index)), 0);
    if (budget.cost(describe(segment.indices)) >= showing) for (const index of segment.indices) shown.add(index);
  }
  const shownPaths = new Set([...shown].map((index) => directories[index]?.path).filter((path) => path != null));
  const out: string[] = [];
  for (const segment of segmentsOf(lines, listing, shown)) {
    if (segment.kind === 'line') out.push(segment.text);
    else if (segment.kind === 'hidden') out.push(describe(segment.indices));
    else {
      const directory = directories[segment.index] as ListedDirectory;
      const names = directory.entries
        .filter((entry) => {
          const child = childPath(directory, entry.name);
          return !listsEveryDirectory(listing.form) || child === null || !shownPaths.has(child);
        })
        .map((entry) => (isDirectory(directory, entry.name) ? `${bare(entry.name)}/` : entry.name));
      // A directory whose every name is a subdirectory shown below says nothing its subdirectories do not.
      if (names.length > 0 || directory.entries.length === 0) out.push(lineWith(directory, names));
    }
  }
  const hidden = directories.filter((_, index) => !shown.has(index));
  return {
    lines: out,
    names: directories.reduce((sum, directory) => sum + directory.entries.length, 0),
    directories: directories.length,
    hiddenNames: hidden.reduce((sum, directory) => sum + directory.entries.length, 0),
    hiddenDirectories: hidden.length,
  };
}
