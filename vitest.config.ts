import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    // `terse` imported by name (examples/, plug-in modules) means this checkout's sources in tests, not
    // whatever dist/ a last build left; the package test installs the packed tarball for the built one.
    alias: [
      { find: /^terse$/, replacement: path.join(root, 'src', 'index.ts') },
      { find: /^terse\/bench$/, replacement: path.join(root, 'src', 'bench', 'index.ts') },
      { find: /^terse\/proxy$/, replacement: path.join(root, 'src', 'proxy', 'index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One worker more than cores (vitest's default is one fewer): many files wait on child processes
    // (the CLI, redis-server, chromium, npm pack), and a waiting worker leaves its core idle.
    maxWorkers: Math.min(os.availableParallelism() + 1, 8),
    // Files in one worker share its loaded modules (tokenizers, grammars, DuckDB): each file loading
    // them again cost a fifth of the suite's CPU. No test stubs modules or the environment for others.
    isolate: false,
  },
});
