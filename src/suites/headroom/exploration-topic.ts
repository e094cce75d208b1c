/** What the exploration session's file search finds: authentication code across a web service. */
import type { SearchTopic } from './file-search.ts';

/** Search vocabulary for "auth|token|session" over one service's source tree. */
export const EXPLORATION_SEARCH_TOPIC: SearchTopic = {
  directories: [
    'src/auth',
    'src/api/middleware',
    'src/api/routes',
    'src/services',
    'src/models',
    'src/jobs',
    'tests/auth',
    'tests/api',
    'config',
    'lib/crypto',
  ],
  stems: [
    'session',
    'login',
    'tokens',
    'guards',
    'users',
    'oauth',
    'password',
    'cookies',
    'permissions',
    'api_keys',
    'sso',
    'mfa',
    'audit',
    'accounts',
    'signup',
    'logout',
  ],
  snippets: [
    {
      extension: 'ts',
      write: (r) => ({
        content: `  const session = await sessions.get(sid${r.int(1, 9)});`,
        before: '  // anonymous requests fall through',
        after: '  if (!session) return next();',
      }),
    },
    {
      extension: 'py',
      write: (r) => ({
        content: `    def authenticate(self, request, scope="${r.pick(['read', 'write', 'admin'])}"):`,
        before: '    # Check the bearer token',
        after: '        token = request.headers.get("Authorization")',
      }),
    },
    {
      extension: 'go',
      write: (r) => ({
        content: `\tclaims, err := jwt.Parse(raw, keys.Get(${r.int(1, 9)}))`,
        before: '\t// signature and expiry only',
        after: '\tif err != nil { return nil, ErrUnauthorized }',
      }),
    },
    {
      extension: 'ts',
      write: (r) => ({
        content: `export const SESSION_TTL_SECONDS = ${r.int(15, 90)} * 60;`,
        before: '// sliding expiry',
        after: 'export const REMEMBER_ME_DAYS = 30;',
      }),
    },
    {
      extension: 'yaml',
      write: (r) => ({
        content: `  token_lifetime: ${r.int(5, 60)}m`,
        before: 'auth:',
        after: '  refresh_lifetime: 30d',
      }),
    },
  ],
};
