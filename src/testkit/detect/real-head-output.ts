/** Real `head` output over installed files, as an agent prints it: the tests' source of cut files. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { environment } from '../../config.ts';

/** tree-sitter-python's generated sources: real JSON files large enough to be cut. */
export const PYTHON_SRC = path.join(environment.projectRoot, 'node_modules', 'tree-sitter-python', 'src');

/** What `head ARGS...` prints, run from the project root (relative paths as an agent types them). */
export function head(...args: string[]): string {
  const run = spawnSync('head', args, { cwd: environment.projectRoot, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`head ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}
