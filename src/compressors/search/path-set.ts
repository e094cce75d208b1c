/** Writes many similar paths briefly: `sphinx/locale/{ar,de,fi}/LC_MESSAGES/sphinx.po, sphinx/locale/sphinx.pot`. */

const MAX_CLUSTERS = 40;

/** The largest set of paths equal but for one segment, as `[index, members]`; null when none pair up. */
function largestCluster(paths: readonly string[][]): [number, string[][]] | null {
  let best: [number, string[][]] | null = null;
  const width = Math.max(...paths.map((segments) => segments.length));
  for (let at = 0; at < width; at += 1) {
    const clusters = new Map<string, string[][]>();
    for (const segments of paths) {
      if (segments.length <= at) continue;
      const key = `${segments.length}\u0000${segments.map((segment, i) => (i === at ? '' : segment)).join('/')}`;
      const members = clusters.get(key) ?? [];
      members.push(segments);
      clusters.set(key, members);
    }
    for (const members of clusters.values()) {
      if (members.length >= 2 && (best === null || members.length > best[1].length)) best = [at, members];
    }
  }
  return best;
}

/** The paths as brace expressions where they differ in one segment, the rest listed, comma-separated. */
export function formatPathSet(paths: readonly string[]): string {
  let rest = paths.map((path) => path.split('/'));
  const parts: string[] = [];
  while (rest.length > 0 && parts.length < MAX_CLUSTERS) {
    const cluster = largestCluster(rest);
    if (cluster === null) break;
    const [at, members] = cluster;
    const first = members[0] as string[];
    parts.push(
      [...first.slice(0, at), `{${members.map((segments) => segments[at]).join(',')}}`, ...first.slice(at + 1)].join(
        '/',
      ),
    );
    const taken = new Set(members);
    rest = rest.filter((segments) => !taken.has(segments));
  }
  return [...parts, ...rest.map((segments) => segments.join('/'))].join(', ');
}
