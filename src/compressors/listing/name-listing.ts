/**
 * Reads listings that print one name per line: `ls` / `ls -1` / `ls -F` (flat), `ls -R` (a `dir:`
 * heading over each directory's names, directories apart by a blank line) and `find` (one path per
 * line). Each reading is a list of directories, each with its path as printed and its entries, and
 * the lines it covers; every other line of the output (a tool's wrapper tags, a warning) is no part
 * of it and stays where it is.
 */

/** One name of a listing and the line it was printed on. */
export interface ListedName {
  readonly line: number;
  /** As printed, with a trailing `ls -F` type mark (`/`, `*`, `@`, `|`) when there is one. */
  readonly name: string;
}

/** One directory of a listing. */
export interface ListedDirectory {
  /** Its heading as printed, without the colon (a `find` listing's: the paths' directory); null when it has none. */
  readonly heading: string | null;
  /** Its path (`./sympy/core`, `tests/roots`), or null when the listing does not say it (no heading, or one cut short). */
  readonly path: string | null;
  /** Whether it is a directory the listing was asked for (`ls -R a b` lists a and b), not one below. */
  readonly root: boolean;
  /** The line it is written at: its heading, or its first entry when it has none. */
  readonly anchor: number;
  readonly entries: readonly ListedName[];
}

/**
 * `flat`: one directory's names; `recursive`: `ls -R` sections; `paths`: `find` paths grouped by
 * directory; `tree`: what `tree` draws (tree-listing.ts).
 */
export type ListingForm = 'flat' | 'recursive' | 'paths' | 'tree';

/** Whether a listing of `form` prints every directory under its root, each once: some may be hidden. */
export function listsEveryDirectory(form: ListingForm): boolean {
  return form === 'recursive' || form === 'tree';
}

export interface NameListing {
  readonly form: ListingForm;
  /** In the order the listing prints them. */
  readonly directories: readonly ListedDirectory[];
  /** Lines the directories stand for (headings, entries, the blank lines between sections). */
  readonly covered: ReadonlySet<number>;
}

// A file name: no whitespace, no quotes, brackets or shell punctuation, at least one letter; an `ls -F` mark may end it.
const NAME = /^(?=[^/]*[A-Za-z])[\w.@+~#%,-]+[/*@|]?$/;
// A path of two or more names (`./a/b.py`, `/usr/lib/x`, `a/b/`).
const PATH = /^(?:\.{1,2}\/|\/)?(?:[\w.@+~#%,-]+\/)+[\w.@+~#%,-]*[A-Za-z][\w.@+~#%,-]*\/?$/;
// `ls -R`'s heading over a directory's names: `.:`, `./sympy/core:`, `tests/roots:`.
const HEADING = /^(\.|\.{0,2}\/?[\w.@+~#%,-]+(?:\/[\w.@+~#%,-]+)*):$/;

/** A listing needs this many names before it is read as one. */
const MIN_NAMES = 8;
/** Names (and headings) must be at least this share of the output's non-blank lines. */
const MIN_NAME_SHARE = 0.5;
/** In a `find` listing, at least this share of the names are paths. */
const MIN_PATH_SHARE = 0.8;

/** What one line of an output is to a listing. */
type LineKind = 'heading' | 'path' | 'name' | 'blank' | 'other';

function kindOf(text: string): LineKind {
  if (HEADING.test(text)) return 'heading';
  if (PATH.test(text)) return 'path';
  if (NAME.test(text)) return 'name';
  return text.trim() === '' ? 'blank' : 'other';
}

/** The heading's path: `./sympy/core` for `./sympy/core:`. */
const headingPath = (text: string): string => text.slice(0, -1);

/**
 * Whether a heading follows other text (a tool's wrapper) with nothing but blank lines between: where
 * an output the agent cut starts again, a heading may be cut too (`kcheck-localserver:`).
 */
function atCut(kinds: readonly LineKind[], line: number): boolean {
  let before = line - 1;
  while (before >= 0 && kinds[before] === 'blank') before--;
  return before >= 0 && kinds[before] === 'other';
}

/** What `ls -R` says of each heading: the directory's path, and whether it is one of the paths ls was given. */
interface HeadingPlace {
  readonly path: string | null;
  readonly root: boolean;
}

/** The prefix the directories below `root` start with: `./` under `.`, `src/` under `src`. */
const prefixUnder = (root: string): string => (root === '.' ? './' : `${root.replace(/\/$/, '')}/`);

/**
 * Each heading's place: `ls -R a b` prints `a:`, what is below it, then `b:`; a heading that lies
 * under none of the roots before it is the next root, unless it starts where the output was cut (a
 * heading cut short there names no path this listing knows).
 */
function headingPlaces(lines: readonly string[], kinds: readonly LineKind[]): Map<number, HeadingPlace> {
  const places = new Map<number, HeadingPlace>();
  const prefixes: string[] = [];
  kinds.forEach((kind, line) => {
    if (kind !== 'heading') return;
    const path = headingPath(lines[line] as string);
    if (prefixes.some((prefix) => path.startsWith(prefix))) places.set(line, { path, root: false });
    else if (prefixes.length > 0 && atCut(kinds, line)) places.set(line, { path: null, root: false });
    else {
      places.set(line, { path, root: true });
      // An output the agent cut may have lost the heading of `.`: what follows still starts `./`.
      prefixes.push(path === '.' || path.startsWith('./') ? './' : prefixUnder(path));
    }
  });
  return places;
}

/** A directory as it is being read. */
interface OpenDirectory {
  readonly heading: string | null;
  readonly path: string | null;
  readonly root: boolean;
  readonly anchor: number;
  readonly entries: ListedName[];
}

/**
 * Sections of `ls -R` (or a flat listing: sections without headings): each heading opens one; names
 * before the first heading, or after other text, open one without a path.
 */
function sectionDirectories(
  lines: readonly string[],
  kinds: readonly LineKind[],
): { directories: ListedDirectory[]; covered: Set<number> } {
  const places = headingPlaces(lines, kinds);
  const directories: OpenDirectory[] = [];
  const covered = new Set<number>();
  let open: OpenDirectory | null = null;
  let inListing = false;
  kinds.forEach((kind, line) => {
    const text = lines[line] as string;
    if (kind === 'heading' || kind === 'name') {
      if (kind === 'heading' || open === null) {
        const place = places.get(line) ?? { path: null, root: false };
        open = { heading: kind === 'heading' ? headingPath(text) : null, ...place, anchor: line, entries: [] };
        directories.push(open);
      }
      if (kind === 'name') open.entries.push({ line, name: text });
      covered.add(line);
      inListing = true;
    } else if (kind === 'blank') {
      // A blank line closes a section; between two sections it is the listing's, after it the wrapper's.
      if (inListing) covered.add(line);
      open = null;
    } else {
      open = null;
      inListing = false;
    }
  });
  return { directories, covered };
}

/** `find` paths grouped by directory, each group written where its first path was. */
function pathDirectories(
  lines: readonly string[],
  kinds: readonly LineKind[],
): { directories: ListedDirectory[]; covered: Set<number> } {
  const byPath = new Map<string, OpenDirectory>();
  const covered = new Set<number>();
  kinds.forEach((kind, line) => {
    if (kind !== 'path' && kind !== 'name') return;
    const text = lines[line] as string;
    const trimmed = text.endsWith('/') ? text.slice(0, -1) : text;
    const cut = trimmed.lastIndexOf('/');
    const path = cut < 0 ? '.' : cut === 0 ? '/' : trimmed.slice(0, cut);
    let directory = byPath.get(path);
    if (directory === undefined) {
      directory = { heading: path, path, root: byPath.size === 0, anchor: line, entries: [] };
      byPath.set(path, directory);
    }
    directory.entries.push({ line, name: text.slice(cut + 1) });
    covered.add(line);
  });
  return { directories: [...byPath.values()], covered };
}

/** The one-name-per-line listing `lines` print, or null when they are not one. */
export function readNameListing(lines: readonly string[]): NameListing | null {
  const kinds = lines.map(kindOf);
  const count = (kind: LineKind): number => kinds.reduce((sum, each) => (each === kind ? sum + 1 : sum), 0);
  const [headings, paths, names] = [count('heading'), count('path'), count('name')];
  const nonBlank = lines.length - count('blank');
  const listed = names + paths;
  if (headings > 0) {
    // Paths among `ls -R` sections (another command's output printed with it) stay as printed.
    if (names < MIN_NAMES || names + headings < MIN_NAME_SHARE * nonBlank) return null;
    const sectionKinds = kinds.map((kind) => (kind === 'path' ? 'other' : kind));
    return { form: 'recursive', ...sectionDirectories(lines, sectionKinds) };
  }
  if (listed < MIN_NAMES || listed < MIN_NAME_SHARE * nonBlank) return null;
  // A directory never lists a name twice, nor `find` a path: repeated lines are some other output.
  const printed = lines.filter((_, line) => kinds[line] === 'path' || kinds[line] === 'name');
  if (new Set(printed).size < printed.length) return null;
  if (paths >= MIN_PATH_SHARE * listed) return { form: 'paths', ...pathDirectories(lines, kinds) };
  if (paths > 0) return null;
  return { form: 'flat', ...sectionDirectories(lines, kinds) };
}
