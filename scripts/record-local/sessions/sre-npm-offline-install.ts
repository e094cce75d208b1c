/**
 * SRE: an offline install that fails (a dependency is not in the cache), diagnosed from npm's silly
 * log and fixed by packing the missing dependencies from node_modules. Every tarball is packed from
 * a package npm installed into this repository.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MASKS } from '../normalise.ts';
import { derived, firstMatch, never, stepOutput, verbatim, countLines } from '../probe-kit.ts';
import type { Mask, Session, Step } from '../session.ts';

const ID = 'local-sre-npm-offline-install';
const NPM_MASKS: readonly Mask[] = [MASKS.timestamps, MASKS.durations, MASKS.npmHeap, MASKS.npmTimers, MASKS.kernel];
/** npm logs fetches, cache hits and additions from concurrent work; their order is not stable. */
const CONCURRENT: readonly RegExp[] = [
  /^npm silly fetch manifest /,
  /^npm http cache /,
  /^npm silly ADD /,
  /^npm silly packumentCache full:/,
  /^npm silly placeDep /,
];
const DEPS = ['emoji-regex', 'is-fullwidth-code-point', 'strip-ansi', 'ansi-regex'];
const TARBALLS = [
  'string-width-4.2.3.tgz',
  'emoji-regex-8.0.0.tgz',
  'is-fullwidth-code-point-3.0.0.tgz',
  'strip-ansi-6.0.1.tgz',
  'ansi-regex-5.0.1.tgz',
];
const SILLY = ['install', '--offline', '--ignore-scripts', '--loglevel=silly'];

function npm(say: string, args: readonly string[], cwd: Step['cwd'] = 'work/app'): Step {
  return { say, tool: 'npm', args, cwd, masks: NPM_MASKS, sortRuns: CONCURRENT };
}

/** The offline-install incident: ENOTCACHED, then a clean install from packed tarballs. */
export const sreNpmOfflineInstall: Session = {
  id: ID,
  workload: 'sre',
  task:
    'The air-gapped build of probe-app fails at `npm install --offline`. The app lives in /tmp/work/app and has to ' +
    'install string-width from a tarball packed from our node_modules. Reproduce the failure, find the root cause in ' +
    "npm's log, fix it without network access, and confirm the installed tree.",
  setup({ work }) {
    mkdirSync(path.join(work, 'app'), { recursive: true });
    mkdirSync(path.join(work, 'tarballs'), { recursive: true });
    writeFileSync(
      path.join(work, 'app', 'package.json'),
      '{\n  "name": "probe-app",\n  "version": "1.0.0",\n  "private": true\n}\n',
    );
  },
  steps: [
    { say: 'Check what the app declares.', tool: 'cat', args: ['app/package.json'], cwd: 'work' },
    npm(
      'Pack string-width from the repository node_modules.',
      ['pack', '{root}/node_modules/string-width', '--pack-destination', 'tarballs', '--ignore-scripts'],
      'work',
    ),
    npm('Reproduce the offline install with the full log.', [...SILLY, '../tarballs/string-width-4.2.3.tgz']),
    {
      say: 'The log names a registry fetch; look at what string-width depends on.',
      tool: 'sed',
      args: ['-n', '1,40p', 'node_modules/string-width/package.json'],
    },
    npm(
      'Pack the missing dependencies from node_modules as well.',
      ['pack', ...DEPS.map((d) => `{root}/node_modules/${d}`), '--pack-destination', 'tarballs', '--ignore-scripts'],
      'work',
    ),
    { say: 'List the tarballs now available.', tool: 'ls', args: ['tarballs'], cwd: 'work' },
    npm('Install all five tarballs offline, again with the full log.', [
      ...SILLY,
      ...TARBALLS.map((t) => `../tarballs/${t}`),
    ]),
    npm('Confirm the installed tree.', ['ls', '--all']),
    npm('Why is ansi-regex installed?', ['explain', 'ansi-regex']),
    { say: 'Read the lockfile npm wrote.', tool: 'cat', args: ['app/package-lock.json'], cwd: 'work' },
    npm('Read the installed packages in detail, as JSON.', ['ls', '--all', '--long', '--json']),
    {
      say: 'Read the README of the package we ship, as installed.',
      tool: 'cat',
      args: ['app/node_modules/string-width/readme.md', 'app/node_modules/strip-ansi/readme.md'],
      cwd: 'work',
    },
    {
      say: 'The emoji regex is the biggest file we pull in; check what it exports.',
      tool: 'head',
      args: [
        '-c',
        '6000',
        'app/node_modules/emoji-regex/index.js',
        'app/node_modules/emoji-regex/index.d.ts',
        'app/node_modules/emoji-regex/README.md',
      ],
      cwd: 'work',
    },
    npm('List the installed tree with descriptions and paths.', ['ls', '--all', '--long']),
    npm('Reinstall exactly from the lockfile, offline, with the full log.', [
      'ci',
      '--offline',
      '--ignore-scripts',
      '--loglevel=silly',
    ]),
    npm('Dry-run pack of web-tree-sitter as JSON, to size a second offline tarball.', [
      'pack',
      '--dry-run',
      '--json',
      '--ignore-scripts',
      '{root}/node_modules/web-tree-sitter',
    ]),
    npm('Dry-run pack of the TypeScript package, to see what a large offline tarball would hold.', [
      'pack',
      '--dry-run',
      '--ignore-scripts',
      '{root}/node_modules/typescript',
    ]),
  ],
  probes(outputs) {
    const out = (i: number) => stepOutput(outputs, i, ID);
    const shasum = firstMatch(out(1), /shasum: +([0-9a-f]{40})/, ID).match[1] ?? '';
    const code = firstMatch(out(2), /npm error code \w+/, ID).match[0];
    const failedFetch = firstMatch(out(2), /npm error request to (\S+) failed/, ID).match[1] ?? '';
    const added = firstMatch(out(6), /^added \d+ packages/, ID).match[0];
    const dedupedHits = String(countLines(out(7), /deduped$/));
    const why = firstMatch(out(8), /ansi-regex@"\^5\.0\.1" from strip-ansi@6\.0\.1/, ID).match[0];
    const integrity = firstMatch(out(9), /"integrity": "(sha512-[^"]+)"/, ID).match[1] ?? '';
    const tsFiles = firstMatch(out(16), /total files: +\d+/, ID).match[0];
    return [
      verbatim('exact', out(1), 'What shasum did npm print for the string-width tarball?', shasum, ID),
      verbatim('causal', out(2), 'Which npm error code did the first offline install fail with?', code, ID),
      verbatim('causal', out(2), 'Which registry URL could the first offline install not fetch?', failedFetch, ID),
      verbatim('count', out(6), 'How many packages did the second install add?', added, ID),
      derived('count', out(7), 'How many entries of `npm ls --all` are marked deduped?', dedupedHits),
      verbatim('locate', out(8), 'Which package pulls in ansi-regex ^5.0.1?', why, ID),
      verbatim('exact', out(9), 'What integrity does the lockfile record first?', integrity, ID),
      verbatim('count', out(16), 'How many files would the typescript tarball hold?', tsFiles, ID),
      never(out(2), 'Which npm error code did the install print for EINTEGRITY?', ['EINTEGRITY', 'ETARGET']),
    ];
  },
};
