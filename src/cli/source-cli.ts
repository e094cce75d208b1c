/**
 * How tests and scripts start the CLI from its TypeScript sources, through tsx (a dev dependency):
 * `spawn(process.execPath, [...sourceCli(root), 'replay', ...])`, from any working directory. The
 * installed package's bin runs the compiled dist/ instead, which the package test packs and installs.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Node arguments that run `src/cli.ts` of the checkout at `projectRoot`. */
export function sourceCli(projectRoot: string): string[] {
  // tsx's loader by its resolved URL: `--import tsx` would resolve from the child's working directory.
  const loader = createRequire(path.join(projectRoot, 'package.json')).resolve('tsx');
  return ['--import', pathToFileURL(loader).href, path.join(projectRoot, 'src', 'cli.ts')];
}
