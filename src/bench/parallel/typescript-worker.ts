/**
 * Starts a worker thread on a TypeScript module. terse runs from source under tsx, and a worker does
 * not inherit the loader its parent was started with (`node --import` hooks stay in their thread), so
 * the worker first registers tsx's ESM loader through its API, then imports the entry: the same way
 * `bin/terse.js` loads the CLI, under `tsx`, `node bin/terse.js` and vitest alike.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** tsx's register API, resolved here so the worker needs no module resolution of its own. */
const TSX_API = import.meta.resolve('tsx/esm/api');

/** A worker running `entry` (a `.ts` file URL) with `workerData`, under V8 `resourceLimits`. */
export function startTypeScriptWorker(entry: URL, workerData: unknown, resourceLimits: ResourceLimits = {}): Worker {
  // An eval'd CommonJS bootstrap: dynamic import is the one way it reaches an ES module.
  const bootstrap = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
