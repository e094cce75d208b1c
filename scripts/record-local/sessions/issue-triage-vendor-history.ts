/**
 * Issue triage over git history: a vendored copy of tree-sitter-javascript, upgraded in one commit,
 * read with git log, show, diff, blame and grep. The files are those npm installed.
 */
import { countLines, derived, firstMatch, never, stepOutput, verbatim } from '../probe-kit.ts';
import type { Session, Step } from '../session.ts';
import { buildVendorRepository } from './git-history-fixture.ts';

const ID = 'local-issue-triage-vendor-history';

function git(say: string, args: readonly string[]): Step {
  return { say, tool: 'git', args, cwd: 'work/vendor-js' };
}

/** Triage of a regression report against the commit that upgraded a vendored grammar. */
export const issueTriageVendorHistory: Session = {
  id: ID,
  workload: 'issue-triage',
  task: [
    'Issue #977: "Since the last vendor bump, highlighting of JSX and of `using` declarations changed, and the',
    'native addon no longer builds against our old tree-sitter runtime." The vendored grammar lives in',
    '/tmp/work/vendor-js. Find the commit that changed things, what it changed in the grammar, queries and ABI',
    'headers, and give commit hashes and file names.',
  ].join('\n'),
  setup: ({ root, work }) => buildVendorRepository(root, work),
  steps: [
    git('Start with the history and the files each commit touched.', ['log', '--stat=160']),
    git('Show the upgrade commit summary.', ['show', '--stat=160', '--format=fuller', 'HEAD']),
    git('What changed in the manifest?', ['diff', 'HEAD~1', 'HEAD', '--', 'package.json', 'tree-sitter.json']),
    git('What changed in the grammar?', ['diff', 'HEAD~1', 'HEAD', '--', 'grammar.js']),
    git('Did any query file change?', ['diff', '--stat', 'HEAD~1', 'HEAD', '--', 'queries']),
    git('What changed in the ABI headers?', ['diff', 'HEAD~1', 'HEAD', '--', 'src/tree_sitter']),
    git('Which revision introduced using_declaration?', [
      'grep',
      '-n',
      'using_declaration',
      'HEAD~1',
      'HEAD',
      '--',
      'grammar.js',
      'src/node-types.json',
    ]),
    git('Who last touched the top of the grammar?', ['blame', '-L', '1,80', 'grammar.js']),
    git('Read the full patch of the node types.', ['log', '-p', '-1', '--', 'src/node-types.json']),
    git('Read the scanner as of the first import.', ['show', 'HEAD~1:src/scanner.c']),
    git('Read the grammar as of the first import.', ['show', 'HEAD~1:grammar.js']),
    git('And the serialized grammar diff, to see every rule that moved.', [
      'diff',
      'HEAD~1',
      'HEAD',
      '--',
      'src/grammar.json',
    ]),
    git('Read the highlight query as vendored first.', ['show', 'HEAD~1:queries/highlights.scm']),
    git('List both commit ids in full.', ['rev-list', 'HEAD']),
  ],
  probes(outputs) {
    const out = (i: number) => stepOutput(outputs, i, ID);
    const upgrade = firstMatch(out(0), /^commit ([0-9a-f]{40})$/, ID).match[1] ?? '';
    const changed = firstMatch(out(1), /^ \d+ files? changed.*$/, ID).line;
    const version = firstMatch(out(2), /^\+\s+"version": "[^"]+"/, ID).line;
    const grepHit = firstMatch(out(6), /^(HEAD:grammar\.js:\d+):/, ID).match[1] ?? '';
    const queries = out(4);
    const abi = firstMatch(out(5), /^\+#define \w+.*$|^\+typedef struct \w+.*$/, ID).line;
    const blameLines = String(countLines(out(7), /^\^?[0-9a-f]{7,} /));
    const first = out(13).text.trim().split('\n').at(-1) ?? '';
    return [
      verbatim('exact', out(0), 'What is the full hash of the upgrade commit (the newest)?', upgrade, ID),
      verbatim('count', out(1), 'How many files did the upgrade commit change?', changed, ID),
      verbatim('causal', out(2), 'Which version did the manifest move to in the upgrade?', version, ID),
      verbatim('locate', out(6), 'Where does git grep find using_declaration in the newest grammar.js?', grepHit, ID),
      verbatim('exact', out(5), 'What is the first added line in the ABI header diff?', abi, ID),
      derived('count', out(7), 'How many lines did git blame print?', blameLines),
      verbatim('exact', out(13), 'What is the full hash of the first import commit?', first, ID),
      never(queries, 'Which commit deleted queries/highlights-jsx.scm?', [
        'delete mode 100644 queries/highlights-jsx.scm',
      ]),
    ];
  },
};
