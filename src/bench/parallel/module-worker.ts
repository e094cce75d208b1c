/**
 * Starts a worker thread on one of terse's modules, compiled or not. Installed, terse runs the
 * JavaScript in dist/ and the worker starts on the `.js` entry as it is. From source, terse runs under
 * tsx, and a worker does not inherit the loader its parent was started with (`node --import` hooks
 * stay in their thread), so the worker first registers tsx's ESM loader through its API, then imports
 * the `.ts` entry: the same way `bin/terse.js` loads the CLI, under `tsx`, `node bin/terse.js` and
 * vitest alike. tsx is a dev dependency: it is resolved only when a `.ts` entry asks for it.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Whether this module runs compiled (dist/) rather than from its TypeScript source. */
const COMPILED = import.meta.url.endsWith('.js');

/** The worker entry `name` beside `base` (an `import.meta.url`), as this build holds it: `name.js` compiled, `name.ts` from source. */
export function workerEntry(name: string, base: string): URL {
  return new URL(`./${name}${COMPILED ? '.js' : '.ts'}`, base);
}

/** A worker running `entry` (workerEntry's URL) with `workerData`, under V8 `resourceLimits`. */
export function startModuleWorker(entry: URL, workerData: unknown, resourceLimits: ResourceLimits = {}): Worker {
  if (entry.pathname.endsWith('.js')) return new Worker(entry, { workerData, resourceLimits });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  // An eval'd CommonJS bootstrap: dynamic import is the one way it reaches an ES module.
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
