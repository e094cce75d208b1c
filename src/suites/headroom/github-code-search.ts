/**
 * Generated GitHub code search (`github_search_code`): `{total_count, incomplete_results, items:
 * [{repository{full_name, description, stars, language, updated_at}, path, sha, url, score,
 * text_matches[{fragment, matches[{text, indices}]}]}]}`. Each fragment really contains the
 * searched term at the indices given.
 */
import type { SeededRandom } from './seeded-random.ts';
import { isoSeconds } from './timestamps.ts';

type Language = 'Go' | 'Python' | 'TypeScript' | 'Rust' | 'Java';

/** The repository object GitHub attaches to every code search item. */
export type Repository = {
  full_name: string;
  description: string;
  stars: number;
  language: Language;
  updated_at: string;
};

/** One code search item. */
export type CodeSearchItem = {
  repository: Repository;
  path: string;
  sha: string;
  url: string;
  score: number;
  text_matches: { fragment: string; matches: { text: string; indices: [number, number] }[] }[];
};

const REPOSITORIES: readonly [string, string, Language][] = [
  ['lumenhq/lumen', 'Self-hosted metrics pipeline', 'Go'],
  ['tidewater/tidewater', 'Event sourcing toolkit', 'Python'],
  ['orchard-dev/orchard', 'Typed job queue', 'TypeScript'],
  ['kiln-rs/kiln', 'Fast static site builder', 'Rust'],
  ['parcelbox/parcelbox', 'Shipment tracking service', 'Java'],
  ['ferrous-labs/bolt', 'Embedded key-value store', 'Rust'],
  ['skylark-io/skylark', 'Realtime collaboration server', 'TypeScript'],
  ['mallard-org/mallard', 'Data validation for Python', 'Python'],
  ['harborlight/beacon', 'Service discovery agent', 'Go'],
  ['basalt-db/basalt', 'Time-series storage engine', 'Go'],
  ['copperline/ledgerly', 'Double-entry accounting API', 'Java'],
  ['quill-js/quill-forms', 'Accessible form builder', 'TypeScript'],
];

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** A three-line fragment and its path for each language; `term` is the searched word. */
const FRAGMENTS: Record<
  Language,
  (rng: SeededRandom, term: string, stem: string) => { path: string; fragment: string }
> = {
  Go: (r, t, s) => ({
    path: `internal/${s}/${s}.go`,
    fragment: `func (c *Client) ${capital(t)}() error {\n\tc.mu.Lock()\n\tdefer c.mu.Unlock()`,
  }),
  Python: (r, t, s) => ({
    path: `${r.pick(['core', 'lib', 'app'])}/${s}.py`,
    fragment: `def ${t}(self, timeout=None):\n    return self._impl.${t}(timeout)`,
  }),
  TypeScript: (r, t, s) => ({
    path: `src/${s}/index.ts`,
    fragment: `export async function ${t}(opts: Options) {\n  await client.${t}(opts);`,
  }),
  Rust: (r, t, s) => ({
    path: `src/${s}.rs`,
    fragment: `pub fn ${t}(&mut self) -> Result<()> {\n    self.inner.${t}()\n}`,
  }),
  Java: (r, t, s) => ({
    path: `src/main/java/io/${s}/${capital(s)}.java`,
    fragment: `public void ${t}(Session s) {\n    log.debug("${t} {}", s.id());\n}`,
  }),
};

/** The repositories of one session, with stars and update times fixed for the whole session. */
export function createRepositories(rng: SeededRandom): Repository[] {
  return REPOSITORIES.map(([full_name, description, language]) => ({
    full_name,
    description,
    stars: rng.int(800, 90_000),
    language,
    updated_at: isoSeconds(-rng.int(1, 60) * 86_400),
  }));
}

/** One search item for `repository`, its fragment built around `term`. */
export function codeSearchItem(
  rng: SeededRandom,
  repository: Repository,
  term: string,
  stem: string,
  fragment?: { path: string; fragment: string },
): CodeSearchItem {
  const written = fragment ?? FRAGMENTS[repository.language](rng, term, stem);
  // Code search is case-insensitive: Go's exported `Reconnect` matches `reconnect`.
  const at = written.fragment.toLowerCase().indexOf(term.toLowerCase());
  if (at < 0) throw new RangeError(`fragment for ${written.path} does not contain ${term}`);
  return {
    repository,
    path: written.path,
    sha: rng.hex(40),
    url: `https://github.com/${repository.full_name}/blob/main/${written.path}`,
    // An integer over 100 never prints as a whole number, so Python and JavaScript agree.
    score: (rng.int(10, 98) * 100 + rng.int(1, 99)) / 100,
    text_matches: [
      {
        fragment: written.fragment,
        matches: [{ text: written.fragment.slice(at, at + term.length), indices: [at, at + term.length] }],
      },
    ],
  };
}

/** `count` items over `repositories`, best score first. */
export function generateCodeSearchItems(
  rng: SeededRandom,
  repositories: readonly Repository[],
  term: string,
  stems: readonly string[],
  count: number,
): CodeSearchItem[] {
  const items = Array.from({ length: count }, () => codeSearchItem(rng, rng.pick(repositories), term, rng.pick(stems)));
  return items.sort((a, b) => b.score - a.score);
}

/** The `github_search_code` result object. */
export function codeSearchResult(
  items: readonly CodeSearchItem[],
  totalCount: number,
): { total_count: number; incomplete_results: boolean; items: CodeSearchItem[] } {
  return { total_count: totalCount, incomplete_results: false, items: items.slice() };
}
