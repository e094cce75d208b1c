/**
 * SRE: a TypeScript build broken by a renamed export, diagnosed from real tsc output, plus the
 * type-check log of two real tree-sitter grammars. The sources are copies of what npm installed
 * (gpt-tokenizer's src folder, grammar.js files); the only edit is the one rename that breaks it.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MASKS } from '../normalise.ts';
import { countLines, derived, firstMatch, never, stepOutput, verbatim } from '../probe-kit.ts';
import { RecordingError } from '../recording-error.ts';
import type { Session } from '../session.ts';

const ID = 'local-sre-typescript-build-failure';
const TSC = [
  '--noEmit',
  '--pretty',
  'false',
  '--target',
  'es2022',
  '--module',
  'nodenext',
  '--moduleResolution',
  'nodenext',
  '--strict',
  '--skipLibCheck',
];
const ENTRY = 'gpt-tokenizer/src/GptEncoding.ts';
const CORE = 'gpt-tokenizer/src/BytePairEncodingCore.ts';
const BEFORE = 'export class BytePairEncodingCore';
const AFTER = 'export class BytePairEncoderCore';

/** Copies the sources into the work dir and applies the one breaking rename. */
function setup({ root, work }: { root: string; work: string }): void {
  cpSync(path.join(root, 'node_modules', 'gpt-tokenizer', 'src'), path.join(work, 'gpt-tokenizer', 'src'), {
    recursive: true,
  });
  const core = path.join(work, CORE);
  const text = readFileSync(core, 'utf8');
  if (!text.includes(BEFORE)) throw new RecordingError(ID, `${CORE} no longer declares ${BEFORE}`);
  writeFileSync(core, text.replace(BEFORE, AFTER));
  mkdirSync(path.join(work, 'grammars'));
  for (const language of ['python', 'go']) {
    cpSync(
      path.join(root, 'node_modules', `tree-sitter-${language}`, 'grammar.js'),
      path.join(work, 'grammars', `${language}-grammar.js`),
    );
  }
}

/** The broken-build incident: one renamed export, read from the compiler's own words. */
export const sreTypescriptBuildFailure: Session = {
  id: ID,
  workload: 'sre',
  task:
    'CI is red: the type-check of our vendored copy of gpt-tokenizer (in /tmp/work/gpt-tokenizer) fails since the last ' +
    'merge, and the new grammar type-check job prints hundreds of errors. Find the root cause of the build failure, ' +
    'show where it comes from, and summarise what the grammar job is complaining about.',
  setup,
  steps: [
    { say: 'See what the vendored source folder holds.', tool: 'ls', args: ['gpt-tokenizer/src'], cwd: 'work' },
    { say: 'Reproduce the type-check of the entry point.', tool: 'tsc', args: [...TSC, ENTRY], cwd: 'work' },
    { say: 'Read the imports of the entry point.', tool: 'sed', args: ['-n', '1,80p', ENTRY], cwd: 'work' },
    {
      say: 'Find every mention of the encoder class.',
      tool: 'rg',
      args: ['-n', '--sort', 'path', 'BytePairEncod', 'gpt-tokenizer/src'],
      cwd: 'work',
    },
    { say: 'Read the class declaration.', tool: 'sed', args: ['-n', '1,140p', CORE], cwd: 'work' },
    {
      say: 'How big is this program? Extended diagnostics.',
      tool: 'tsc',
      args: [...TSC, '--extendedDiagnostics', ENTRY],
      cwd: 'work',
      masks: [MASKS.durations, MASKS.memory],
    },
    { say: 'Which files does the compiler load?', tool: 'tsc', args: [...TSC, '--listFiles', ENTRY], cwd: 'work' },
    {
      say: 'Now the grammar job: type-check both grammars as JS.',
      tool: 'tsc',
      args: [
        '--noEmit',
        '--pretty',
        'false',
        '--allowJs',
        '--checkJs',
        '--target',
        'es2022',
        'grammars/python-grammar.js',
        'grammars/go-grammar.js',
      ],
      cwd: 'work',
    },
    {
      say: 'Read the head of one grammar to see how it gets its DSL types.',
      tool: 'sed',
      args: ['-n', '1,60p', 'grammars/go-grammar.js'],
      cwd: 'work',
    },
  ],
  probes(outputs) {
    const out = (i: number) => stepOutput(outputs, i, ID);
    const firstError = firstMatch(out(1), /^\S+\(\d+,\d+\): error TS\d+: .*$/, ID).line;
    const declared = firstMatch(out(3), /^(\S+?:\d+):export class BytePairEncoderCore/, ID).match[1] ?? '';
    const files = firstMatch(out(5), /^Files: +\d+$/, ID).line;
    const es5 = firstMatch(out(6), /^\S+\/lib\.es5\.d\.ts$/, ID).line;
    const grammarCheck = out(7);
    const missingNames = String(countLines(grammarCheck, /error TS2304: Cannot find name/));
    const goDsl = firstMatch(grammarCheck, /^grammars\/go-grammar\.js\(\d+,\d+\): error TS2688: .*$/, ID).line;
    const absentCodes = ['TS2307', 'TS1005', 'TS2339'].filter((code) => !outputs.some((o) => o.text.includes(code)));
    return [
      verbatim('causal', out(1), 'What is the first error tsc reports for the entry point?', firstError, ID),
      verbatim('locate', out(3), 'At which path:line is the renamed class declared?', declared, ID),
      verbatim('count', out(5), 'How many files does the program load, per --extendedDiagnostics?', files, ID),
      verbatim('exact', out(6), 'Which lib.es5.d.ts does the compiler load (full path)?', es5, ID),
      derived(
        'count',
        grammarCheck,
        'How many "Cannot find name" errors does the grammar type-check print?',
        missingNames,
      ),
      verbatim(
        'causal',
        grammarCheck,
        'What error does the grammar job report for the Go grammar first type reference?',
        goDsl,
        ID,
      ),
      never(
        out(1),
        'Which TS error code reports a missing module in this build?',
        absentCodes.length > 0 ? absentCodes : ['TS0000'],
      ),
    ];
  },
};
