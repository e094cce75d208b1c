#!/usr/bin/env node
// The installed CLI runs the compiled JavaScript in dist/. A source checkout that has not run
// `npm run build` falls back to the TypeScript sources through tsx (a dev dependency); `npm run terse`
// always runs the sources.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
