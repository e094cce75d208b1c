/**
 * Issue triage: a dependency advisory ("deepmerge-ts leak-mutates nested inputs") checked against
 * npm's installed tree, the lockfile, the changelogs and the code of the packages npm installed.
 */
import { derived, firstMatch, never, stepOutput, verbatim, countLines } from '../probe-kit.ts';
import type { Session } from '../session.ts';

const ID = 'local-issue-triage-dependency-advisory';

/** Triage of an advisory against a transitive dependency: do we ship the fix, and who pulls it in. */
export const issueTriageDependencyAdvisory: Session = {
  id: ID,
  workload: 'issue-triage',
  task: [
    'Issue #1203 (from our security bot): "deepmerge-ts before 8.0.0 can mutate nested inputs in deepmergeInto;',
    'html-to-text before 10.0.1 pins a vulnerable deepmerge-ts." Triage it for this repository: which versions are',
    'installed, who pulls them in, what the changelogs say, and whether our code path is affected.',
  ].join('\n'),
  steps: [
    // Only the packages the advisory concerns: the whole tree changes with every install in this repository.
    {
      say: 'Where are the packages involved installed, and at which versions?',
      tool: 'npm',
      args: ['ls', 'html-to-text', 'deepmerge-ts', 'htmlparser2', 'entities'],
    },
    {
      say: 'Read the full metadata of html-to-text and everything it pulls in.',
      tool: 'npm',
      args: ['query', '#html-to-text, #html-to-text *'],
    },
    { say: 'Why is deepmerge-ts installed?', tool: 'npm', args: ['explain', 'deepmerge-ts'] },
    {
      say: 'Read the lockfile entries of the two packages.',
      tool: 'rg',
      args: ['-n', '-A', '14', '"node_modules/(deepmerge-ts|html-to-text)"', 'package-lock.json'],
    },
    { say: 'Read the html-to-text changelog.', tool: 'cat', args: ['node_modules/html-to-text/CHANGELOG.md'] },
    {
      say: 'Read the recent deepmerge-ts changelog.',
      tool: 'sed',
      args: ['-n', '1,220p', 'node_modules/deepmerge-ts/CHANGELOG.md'],
    },
    { say: 'Check the deepmerge-ts manifest.', tool: 'cat', args: ['node_modules/deepmerge-ts/package.json'] },
    {
      say: 'Where does html-to-text call into deepmerge-ts?',
      tool: 'rg',
      args: ['-n', '--sort', 'path', '--no-ignore', 'deepmerge', 'node_modules/html-to-text/lib'],
    },
    {
      say: 'Does deepmergeInto appear anywhere html-to-text ships?',
      tool: 'rg',
      args: [
        '-c',
        '--sort',
        'path',
        '--no-ignore',
        'deepmergeInto',
        'node_modules/html-to-text',
        'node_modules/deepmerge-ts/dist',
      ],
    },
    {
      say: 'Read the html-to-text README section on options merging.',
      tool: 'cat',
      args: ['node_modules/html-to-text/README.md'],
    },
  ],
  probes(outputs) {
    const out = (i: number) => stepOutput(outputs, i, ID);
    const installed = firstMatch(out(0), /deepmerge-ts@[\d.]+/, ID).match[0];
    const packages = String(countLines(out(1), /^ {4}"name": /));
    const why = firstMatch(out(2), /deepmerge-ts@"[^"]+" from html-to-text@[\d.]+/, ID).match[0];
    const advisory = firstMatch(out(4), /This addresses a security vulnerability in `deepmerge-ts`[^.]*/, ID).match[0];
    const fix = firstMatch(out(5), /stop deepmergeInto from leak-mutating nested input containers/, ID).match[0];
    const caller =
      firstMatch(out(7), /^(\S+?):\d+:import \{ deepmergeCustom \} from 'deepmerge-ts'/, ID).match[1] ?? '';
    const intoCount = firstMatch(out(8), /^node_modules\/deepmerge-ts\/dist\/\S+:\d+$/, ID).line;
    return [
      verbatim('exact', out(0), 'Which deepmerge-ts version is installed?', installed, ID),
      derived(
        'count',
        out(1),
        'How many packages does the npm query for html-to-text and its dependencies return?',
        packages,
      ),
      verbatim('causal', out(2), 'Which package requires deepmerge-ts, and with what range?', why, ID),
      verbatim('causal', out(4), 'What does the html-to-text 10.0.1 changelog say about deepmerge-ts?', advisory, ID),
      verbatim('exact', out(5), 'Which deepmerge-ts bug fix matches the advisory?', fix, ID),
      verbatim('locate', out(7), 'Which html-to-text file imports deepmergeCustom first?', caller, ID),
      verbatim(
        'count',
        out(8),
        'How many lines of the first deepmerge-ts dist file mention deepmergeInto?',
        intoCount,
        ID,
      ),
      never(out(7), 'Which html-to-text file calls deepmergeInto?', ['html-to-text.mjs:1:deepmergeInto', 'CVE-2099-']),
    ];
  },
};
