/**
 * Generated recursive directory listing (`filesystem_tree`): directories `{name, type, path,
 * children}` (subdirectories first, then files), files `{name, type, path, size, modified}`.
 * Three levels: the root and two levels of 2-5 subdirectories; 20 files in every directory.
 */
import type { SeededRandom } from './seeded-random.ts';
import { isoSeconds } from './timestamps.ts';

/** A file of the listing. */
export type FileNode = { name: string; type: 'file'; path: string; size: number; modified: string };
/** A directory of the listing: subdirectories first, then files. */
export type DirectoryNode = { name: string; type: 'directory'; path: string; children: TreeNode[] };
/** Any node of the listing. */
export type TreeNode = FileNode | DirectoryNode;

const DIRECTORY_NAMES: readonly string[] = [
  'src',
  'lib',
  'api',
  'auth',
  'services',
  'models',
  'utils',
  'config',
  'tests',
  'scripts',
  'middleware',
  'handlers',
  'jobs',
  'storage',
  'web',
  'db',
  'events',
  'cli',
];
const FILE_STEMS: readonly string[] = [
  'index',
  'session',
  'router',
  'client',
  'schema',
  'helpers',
  'types',
  'errors',
  'logger',
  'cache',
  'queue',
  'store',
  'handler',
  'validator',
  'mapper',
  'settings',
  'constants',
  'events',
  'metrics',
  'retry',
  'users',
  'billing',
  'audit',
  'hooks',
];
const EXTENSIONS: readonly string[] = ['ts', 'py', 'go', 'md', 'json', 'yaml'];

/** Files per directory, as in the reference listing. */
export const FILES_PER_DIRECTORY = 20;

/**
 * How many subdirectories the root and each of its children get. With `totalDirectories` the
 * plan has exactly that many directories (root included), so a seed can be sized to a target.
 */
export function planFanOut(rng: SeededRandom, totalDirectories?: number): { root: number; children: number[] } {
  if (totalDirectories === undefined) {
    const root = rng.int(2, 5);
    return { root, children: Array.from({ length: root }, () => rng.int(2, 5)) };
  }
  const below = totalDirectories - 1;
  const roots = [2, 3, 4, 5].filter((root) => below - root >= 2 * root && below - root <= 5 * root);
  if (roots.length === 0) throw new RangeError(`no 2-5 fan-out gives ${totalDirectories} directories`);
  const root = rng.pick(roots);
  const children = Array.from({ length: root }, () => 2);
  for (let left = below - root - 2 * root; left > 0; left--) {
    const open = children.map((count, index) => (count < 5 ? index : -1)).filter((index) => index >= 0);
    const index = rng.pick(open);
    children[index] = (children[index] ?? 2) + 1;
  }
  return { root, children };
}

function files(rng: SeededRandom, path: string): FileNode[] {
  return rng
    .shuffled(FILE_STEMS)
    .slice(0, FILES_PER_DIRECTORY)
    .map((stem) => {
      const name = `${stem}.${rng.pick(EXTENSIONS)}`;
      return {
        name,
        type: 'file',
        path: `${path}/${name}`,
        size: rng.int(120, 16_000),
        modified: isoSeconds(-rng.int(600, 200 * 86_400)),
      };
    });
}

function directory(
  rng: SeededRandom,
  path: string,
  subdirectories: number,
  grandchildren: readonly number[],
): DirectoryNode {
  const names = rng.shuffled(DIRECTORY_NAMES).slice(0, subdirectories);
  const children: TreeNode[] = names.map((name, index) =>
    directory(rng, `${path}/${name}`, grandchildren[index] ?? 0, []),
  );
  return {
    name: path.slice(path.lastIndexOf('/') + 1),
    type: 'directory',
    path,
    children: [...children, ...files(rng, path)],
  };
}

/** The whole tree under `rootPath`, shaped by `plan`. */
export function generateTree(
  rng: SeededRandom,
  rootPath: string,
  plan: { root: number; children: readonly number[] },
): DirectoryNode {
  return directory(rng, rootPath, plan.root, plan.children);
}

/** Every file of the tree, depth first. */
export function treeFiles(node: TreeNode): FileNode[] {
  return node.type === 'file' ? [node] : node.children.flatMap(treeFiles);
}
