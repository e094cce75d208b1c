/** What the SRE session's file search finds: connection-pool and timeout code across services. */
import type { SearchTopic } from './file-search.ts';

/** Search vocabulary for "pool|timeout" over a payments monorepo. */
export const SRE_SEARCH_TOPIC: SearchTopic = {
  directories: [
    'payments/src/db',
    'payments/src',
    'ledger/store',
    'ledger/api',
    'checkout/src',
    'fraud/app',
    'libs/http',
    'libs/db',
    'libs/retry',
    'deploy/checkout',
    'deploy/ledger',
  ],
  stems: [
    'pool',
    'connection',
    'client',
    'charges',
    'refunds',
    'repository',
    'settings',
    'timeouts',
    'retry_policy',
    'health',
    'bootstrap',
    'ledger_client',
    'capture',
    'webhooks',
    'idempotency',
    'values',
  ],
  snippets: [
    {
      extension: 'ts',
      write: (r) => ({
        content: `  conn = await pool.acquire(${r.int(1, 9)}000);`,
        before: '  // fail fast',
        after: '  try {',
      }),
    },
    {
      extension: 'go',
      write: (r) => ({
        content: `\tctx, cancel := withTimeout(ctx, ${r.int(2, 30)})`,
        before: `func (s *Store) ${r.pick(['Post', 'Batch', 'Reverse'])}(ctx ctx) {`,
        after: '\tdefer cancel()',
      }),
    },
    {
      extension: 'py',
      write: (r) => ({
        content: `    pool_timeout: float = ${r.int(1, 9)}.5`,
        before: '    pool_size: int = 20',
        after: '    pool_recycle: int = 1800',
      }),
    },
    {
      extension: 'yaml',
      write: (r) => ({
        content: `  idleTimeoutMs: ${r.int(10, 60)}000`,
        before: '  minIdle: 2',
        after: '  maxLifetime: 30m',
      }),
    },
    {
      extension: 'py',
      write: (r) => ({
        content: `        raise Timeout(attempt=${r.int(1, 5)})`,
        before: '    except TimeoutError:',
        after: '    finally:',
      }),
    },
    {
      extension: 'ts',
      write: (r) => ({
        content: `export const BACKOFF_MS = [${r.int(50, 200)}, ${r.int(300, 800)}];`,
        before: '// shared by all clients',
        after: 'export const ATTEMPTS = 4;',
      }),
    },
  ],
};
