/** Code search over the TypeScript compiler bundle that npm installed (node_modules/typescript/lib). */
import { firstMatch, never, stepOutput, verbatim, derived, countLines } from '../probe-kit.ts';
import type { Session } from '../session.ts';

const ID = 'local-code-search-typescript-compiler';
const LIB = 'node_modules/typescript/lib';

/** Searches for how the bundled compiler creates and walks source files. */
export const codeSearchTypescriptCompiler: Session = {
  id: ID,
  workload: 'code-search',
  task:
    'Our bench calls the TypeScript compiler API. In the compiler bundle that npm installed (node_modules/typescript/lib), ' +
    'find where source files are created, where `getSourceFileOfNode` and `skipTrivia` are defined and used, and how many ' +
    'call sites each lib file has. Report file:line locations.',
  steps: [
    {
      say: 'Start with a plain search for createSourceFile across the lib folder.',
      tool: 'rg',
      args: ['--sort', 'path', '-n', '-M', '300', 'createSourceFile', LIB],
    },
    {
      say: 'Narrow it to call sites with an opening parenthesis.',
      tool: 'rg',
      args: ['--sort', 'path', '-n', '-M', '300', 'createSourceFile(', LIB],
    },
    {
      say: 'The parenthesis is a regex group; search it as a fixed string instead.',
      tool: 'rg',
      args: ['--sort', 'path', '-n', '-M', '300', '--fixed-strings', 'createSourceFile(', LIB],
    },
    {
      say: 'Now getSourceFileOfNode in the public bundle.',
      tool: 'rg',
      args: ['--sort', 'path', '-n', '-M', '300', 'getSourceFileOfNode', `${LIB}/typescript.js`],
    },
    {
      say: 'How are those hits spread over the lib files?',
      tool: 'rg',
      args: ['--sort', 'path', '-c', 'getSourceFileOfNode', LIB],
    },
    {
      say: 'Look at skipTrivia call sites, grouped by file.',
      tool: 'rg',
      args: [
        '--sort',
        'path',
        '--heading',
        '-n',
        '-M',
        '300',
        'skipTrivia\\(',
        `${LIB}/typescript.js`,
        `${LIB}/typescript.d.ts`,
      ],
    },
    {
      say: 'Find the definitions of the three functions in both bundles.',
      tool: 'rg',
      args: [
        '--sort',
        'path',
        '-n',
        '-M',
        '300',
        'function (getSourceFileOfNode|skipTrivia|createSourceFile)\\b',
        `${LIB}/_tsc.js`,
        `${LIB}/typescript.js`,
      ],
    },
    {
      say: 'Finally, where emit flags are read or set, grouped by file.',
      tool: 'rg',
      args: ['--sort', 'path', '--heading', '-n', '-M', '300', 'emitFlags', LIB],
    },
    {
      say: 'Where does the public bundle test for source files?',
      tool: 'rg',
      args: ['--sort', 'path', '-n', '-M', '300', 'isSourceFile\\(', `${LIB}/typescript.js`],
    },
    {
      say: 'And the isIdentifier guard, which most visitors call.',
      tool: 'rg',
      args: ['--sort', 'path', '-n', '-M', '200', 'isIdentifier\\(', `${LIB}/typescript.d.ts`, `${LIB}/_tsc.js`],
    },
  ],
  probes(outputs) {
    const out = (i: number) => stepOutput(outputs, i, ID);
    const plain = out(0);
    const firstHit = firstMatch(plain, /^(\S+?:\d+):/, ID).match[1] ?? '';
    const regexError = firstMatch(out(1), /^error: .+$/, ID).line;
    const perFile = firstMatch(out(4), /^\S+\/typescript\.js:\d+$/, ID).line;
    const definition = firstMatch(out(6), /^(\S+?):\d+:function skipTrivia\(/, ID).match[1] ?? '';
    const tscDefinition = firstMatch(out(6), /^(\S+_tsc\.js:\d+):function createSourceFile\(/, ID).match[1] ?? '';
    const emit = out(7);
    const emitHits = String(countLines(emit, /^\d+:/));
    const isIdentifier = out(9);
    const lastIsIdentifier =
      isIdentifier.text
        .trimEnd()
        .split('\n')
        .at(-1)
        ?.match(/^(\S+?:\d+):/)?.[1] ?? '';
    return [
      verbatim(
        'exact',
        plain,
        'At which path:line does the first createSourceFile search show its first hit?',
        firstHit,
        ID,
      ),
      verbatim('causal', out(1), "Why did `rg -n -M 300 'createSourceFile('` fail?", regexError, ID),
      verbatim(
        'count',
        out(4),
        'How many lines of node_modules/typescript/lib/typescript.js mention getSourceFileOfNode, per `rg -c`?',
        perFile,
        ID,
      ),
      verbatim(
        'locate',
        out(6),
        'Which file(s) define `function skipTrivia(`? Give the first path the search printed.',
        definition,
        ID,
      ),
      verbatim('exact', out(6), 'At which path:line is createSourceFile defined in _tsc.js?', tscDefinition, ID),
      derived('count', emit, 'How many lines in total did the grouped emitFlags search print as hits?', emitHits),
      verbatim(
        'exact',
        isIdentifier,
        'Which path:line is the last hit of the isIdentifier( search?',
        lastIsIdentifier,
        ID,
      ),
      never(out(6), 'At which path:line is `function createSourceFileSync(` defined?', [
        'createSourceFileSync',
        'function getSourceFileOfNodes(',
      ]),
    ];
  },
};
