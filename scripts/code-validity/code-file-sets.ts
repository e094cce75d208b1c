/**
 * The real source files the code-validity bench reads, by where they come from: the repository's own
 * sources and fixtures, what npm installed under node_modules, the Debian source packages `.ci/run`
 * installs, and the Python files agents printed whole in the shared trajectories.
 */
import path from 'node:path';
import { sourceFilesUnder, trajectoryPythonFiles, type SourceFile } from '../../src/testkit/code/real-source-files.ts';
import { systemSourceFiles } from '../../src/testkit/code/system-source-files.ts';

/** Where a set of files comes from, and the files. */
export interface CodeFileSet {
  readonly name: 'repository' | 'node_modules' | 'debian' | 'trajectories';
  readonly files: readonly SourceFile[];
}

/** Every set, each file once (a set's files are sorted, so every run reads the same list). */
export function codeFileSets(projectRoot: string, sharedDir: string): CodeFileSet[] {
  return [
    {
      name: 'repository',
      files: ['src', 'scripts'].flatMap((dir) => prefixed(dir, sourceFilesUnder(path.join(projectRoot, dir)))),
    },
    { name: 'node_modules', files: sourceFilesUnder(path.join(projectRoot, 'node_modules')) },
    { name: 'debian', files: systemSourceFiles() },
    {
      name: 'trajectories',
      files: trajectoryPythonFiles(path.join(sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs')),
    },
  ];
}

function prefixed(dir: string, files: readonly SourceFile[]): SourceFile[] {
  return files.map((file) => ({ ...file, name: path.join(dir, file.name) }));
}
