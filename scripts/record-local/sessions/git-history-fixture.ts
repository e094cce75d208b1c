/**
 * Builds the small git repository the git-history session inspects: two commits that import the
 * same files of tree-sitter-javascript as npm installed them, 0.23.1 (nested copy) then 0.25.0.
 * Author, committer and dates are fixed, so every commit hash is the same on every machine.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fixedEnvironment } from '../command-runner.ts';

/** The files imported at each version: sources, queries, manifest and docs (no binaries). */
export const IMPORTED_FILES: readonly string[] = [
  'README.md',
  'package.json',
  'tree-sitter.json',
  'grammar.js',
  'binding.gyp',
  'bindings/node/binding.cc',
  'bindings/node/index.js',
  'bindings/node/index.d.ts',
  'queries/highlights.scm',
  'queries/injections.scm',
  'queries/locals.scm',
  'queries/tags.scm',
  'queries/highlights-jsx.scm',
  'queries/highlights-params.scm',
  'src/scanner.c',
  'src/node-types.json',
  'src/grammar.json',
  'src/tree_sitter/parser.h',
  'src/tree_sitter/array.h',
  'src/tree_sitter/alloc.h',
];

/** Author and committer of both commits, and each commit's fixed date. */
export const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Vendor Bot',
  GIT_AUTHOR_EMAIL: 'vendor-bot@example.invalid',
  GIT_COMMITTER_NAME: 'Vendor Bot',
  GIT_COMMITTER_EMAIL: 'vendor-bot@example.invalid',
};

const IMPORTS = [
  {
    from: 'node_modules/tree-sitter-typescript/node_modules/tree-sitter-javascript',
    version: '0.23.1',
    date: '2024-11-10T12:00:00Z',
  },
  { from: 'node_modules/tree-sitter-javascript', version: '0.25.0', date: '2025-09-01T12:00:00Z' },
];

/** Creates `<work>/vendor-js` with one commit per imported version. */
export function buildVendorRepository(root: string, work: string): void {
  const repo = path.join(work, 'vendor-js');
  mkdirSync(repo);
  const git = (args: string[], date = IMPORTS[0]?.date ?? ''): void => {
    execFileSync('git', args, {
      cwd: repo,
      env: fixedEnvironment(work, { ...GIT_IDENTITY, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
      stdio: 'ignore',
    });
  };
  git(['init', '--quiet', '--initial-branch=main']);
  for (const imported of IMPORTS) {
    for (const file of IMPORTED_FILES) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      cpSync(path.join(root, imported.from, file), path.join(repo, file));
    }
    git(['add', '--all']);
    git(
      [
        'commit',
        '--quiet',
        '-m',
        `Vendor tree-sitter-javascript ${imported.version} from npm`,
        '-m',
        `Copied from ${imported.from}.`,
      ],
      imported.date,
    );
  }
}
