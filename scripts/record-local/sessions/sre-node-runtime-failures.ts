/**
 * SRE: a crashing script, a misused runtime and a red test run, read from Node's own stack traces
 * and test-runner output. The crashes happen inside typescript and web-tree-sitter as installed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MASKS } from '../normalise.ts';
import { firstMatch, never, stepOutput, verbatim } from '../probe-kit.ts';
import type { Session } from '../session.ts';
import { countStatementsScript, grammarChecksTest, parseBeforeInitScript } from './node-failure-fixtures.ts';

const ID = 'local-sre-node-runtime-failures';
const TEST_MASKS = [MASKS.testDurations, MASKS.durations];

/** The runtime-failure incident: two crashes and a failing test file. */
export const sreNodeRuntimeFailures: Session = {
  id: ID,
  workload: 'sre',
  task:
    'The nightly grammar job in /tmp/work crashed twice and its test file is red. Find the root cause of each crash ' +
    'from the stack traces, list which tests fail and why, and say which installed package each failure comes from.',
  setup({ root, work }) {
    writeFileSync(path.join(work, 'count-statements.cjs'), countStatementsScript(root));
    writeFileSync(path.join(work, 'parse-before-init.mjs'), parseBeforeInitScript(root));
    writeFileSync(path.join(work, 'grammar-checks.test.mjs'), grammarChecksTest(root));
  },
  steps: [
    { say: 'See what the job folder holds.', tool: 'ls', args: ['-1'], cwd: 'work' },
    { say: 'Run the first crashing script.', tool: 'node', args: ['count-statements.cjs'], cwd: 'work' },
    {
      say: 'Read the script to see what it passes to createSourceFile.',
      tool: 'cat',
      args: ['count-statements.cjs'],
      cwd: 'work',
    },
    {
      say: 'Read the compiler code around the frame that threw.',
      tool: 'sed',
      args: ['-n', '33490,33530p', 'node_modules/typescript/lib/typescript.js'],
    },
    { say: 'Run the second crashing script.', tool: 'node', args: ['parse-before-init.mjs'], cwd: 'work' },
    {
      say: 'Find where the runtime raises that error and what init does.',
      tool: 'rg',
      args: [
        '-n',
        '--sort',
        'path',
        '-C',
        '4',
        'before calling `init|static async init',
        'node_modules/web-tree-sitter/web-tree-sitter.js',
      ],
    },
    {
      say: 'Run the test file with the default reporter.',
      tool: 'node',
      args: ['--test', 'grammar-checks.test.mjs'],
      cwd: 'work',
      masks: TEST_MASKS,
    },
    {
      say: 'Read the test file to see what each failing test expects.',
      tool: 'cat',
      args: ['grammar-checks.test.mjs'],
      cwd: 'work',
    },
    {
      say: 'Run it again with the spec reporter for a readable summary.',
      tool: 'node',
      args: ['--test', '--test-reporter=spec', 'grammar-checks.test.mjs'],
      cwd: 'work',
      masks: TEST_MASKS,
    },
    {
      say: 'Check which grammar packages lack src/scanner.c.',
      tool: 'ls',
      args: [
        'node_modules/tree-sitter-c/src',
        'node_modules/tree-sitter-go/src',
        'node_modules/tree-sitter-java/src',
        'node_modules/tree-sitter-python/src',
      ],
    },
    {
      say: 'Export the run as JUnit XML for the CI dashboard.',
      tool: 'node',
      args: ['--test', '--test-reporter=junit', 'grammar-checks.test.mjs'],
      cwd: 'work',
      masks: [...TEST_MASKS, MASKS.junitTimes],
    },
    {
      say: 'Read the runtime code around the init check.',
      tool: 'sed',
      args: ['-n', '3150,3260p', 'node_modules/web-tree-sitter/web-tree-sitter.js'],
    },
    {
      say: 'Rerun only the TypeScript grammar tests.',
      tool: 'node',
      args: ['--test', '--test-name-pattern=TypeScript', 'grammar-checks.test.mjs'],
      cwd: 'work',
      masks: TEST_MASKS,
    },
  ],
  probes(outputs) {
    const out = (i: number) => stepOutput(outputs, i, ID);
    const typeError = firstMatch(out(1), /^TypeError: .*$/, ID).line;
    const frame = firstMatch(out(1), /at createSourceFile2 \((\S+)\)/, ID).match[1] ?? '';
    const initError = firstMatch(out(4), /^Error: .*$/, ID).line;
    const failing = firstMatch(out(6), /^not ok \d+ - (.+)$/, ID).match[1] ?? '';
    const failCount = firstMatch(out(6), /^# fail \d+$/, ID).line;
    const scannerMissing = firstMatch(out(6), /'tree-sitter-\w+' is not|\+\s+'(c|go|java)'/, ID).match[0];
    const junitFailures = firstMatch(out(10), /<!-- fail \d+ -->/, ID).match[0];
    const lastFailure = firstMatch(out(8), /JavaScript grammar parses a TypeScript annotation/, ID).match[0];
    return [
      verbatim('causal', out(1), 'What error crashed count-statements.cjs?', typeError, ID),
      verbatim('locate', out(1), 'In which file and line of the compiler did createSourceFile2 throw?', frame, ID),
      verbatim('causal', out(4), 'What error did parse-before-init.mjs die with?', initError, ID),
      verbatim('exact', out(6), 'What is the name of the first failing test?', failing, ID),
      verbatim('count', out(6), 'How many tests failed in the first test run?', failCount, ID),
      verbatim(
        'exact',
        out(6),
        'Which diff line names the first grammar package without src/scanner.c?',
        scannerMissing,
        ID,
      ),
      verbatim(
        'locate',
        out(8),
        'Which test shows the JavaScript grammar failing on TypeScript syntax?',
        lastFailure,
        ID,
      ),
      verbatim('count', out(10), 'How many failures does the JUnit report record?', junitFailures, ID),
      never(out(6), 'Which test failed with ECONNREFUSED?', ['ECONNREFUSED', 'Segmentation fault']),
    ];
  },
};
