#!/usr/bin/env node
// The installed CLI runs the compiled JavaScript in dist/. A source checkout runs its TypeScript
// sources through tsx (a dev dependency) when it has not run `npm run build`, or when a source file
// changed after the last build (`npm run build` ends by writing dist/.built; tsc leaves files it
// would write unchanged alone, so their own times say nothing): a stale dist/ would run code the
// checkout no longer holds. `npm run terse` always runs the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli.js', import.meta.url);
const stamp = new URL('../dist/.built', import.meta.url);
const sources = fileURLToPath(new URL('../src/', import.meta.url));

/** The latest modification time of a file under `dir`, in milliseconds. */
function newestUnder(dir) {
  let newest = 0;
  const pending = [dir];
  while (pending.length > 0) {
    const at = pending.pop();
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = `${at}/${entry.name}`;
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

const checkout = existsSync(sources);
const built =
  existsSync(compiled) && (!checkout || (existsSync(stamp) && statSync(stamp).mtimeMs >= newestUnder(sources)));
if (built) {
  await import(compiled.href);
} else {
  if (checkout && existsSync(compiled))
    process.stderr.write('terse: dist/ is older than src/, running the sources (npm run build to refresh it)\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
