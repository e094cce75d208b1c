/**
 * Exploration of tree-sitter-typescript (shared grammar, C scanner header, two generated parsers,
 * a nested copy of tree-sitter-javascript) and the web-tree-sitter runtime that would load it.
 */
import { firstMatch, never, stepOutput, verbatim } from '../probe-kit.ts';
import type { Session } from '../session.ts';

const ID = 'local-exploration-typescript-grammar';
const TS = 'node_modules/tree-sitter-typescript';
const WEB = 'node_modules/web-tree-sitter';

/** Explores how the TypeScript and TSX grammars are built and how web-tree-sitter would load them. */
export const explorationTypescriptGrammar: Session = {
  id: ID,
  workload: 'exploration',
  task:
    `We want to parse TypeScript and TSX in the browser build with web-tree-sitter. Explore ${TS} and ${WEB}: ` +
    'how the two dialects share one grammar, what the external scanner handles, which wasm files exist and what API loads them.',
  steps: [
    { say: 'List the package tree, nested dependencies included.', tool: 'ls', args: ['-R', TS] },
    { say: 'Read the manifest.', tool: 'cat', args: [`${TS}/package.json`] },
    {
      say: 'Both dialect entry points and the Node loader.',
      tool: 'head',
      args: [
        '-n',
        '40',
        `${TS}/typescript/grammar.js`,
        `${TS}/tsx/grammar.js`,
        `${TS}/bindings/node/index.js`,
        `${TS}/bindings/node/typescript.js`,
        `${TS}/bindings/node/index.d.ts`,
        `${TS}/bindings/node/binding.cc`,
      ],
    },
    {
      say: 'Read the shared grammar definition.',
      tool: 'sed',
      args: ['-n', '1,700p', `${TS}/common/define-grammar.js`],
    },
    { say: 'Read the shared external scanner header.', tool: 'cat', args: [`${TS}/common/scanner.h`] },
    {
      say: 'And the two scanner.c files that include it.',
      tool: 'head',
      args: ['-n', '40', `${TS}/typescript/src/scanner.c`, `${TS}/tsx/src/scanner.c`],
    },
    {
      say: 'Compare the sizes of the generated sources of both dialects.',
      tool: 'wc',
      args: [
        '-l',
        `${TS}/typescript/src/grammar.json`,
        `${TS}/typescript/src/node-types.json`,
        `${TS}/typescript/src/parser.c`,
        `${TS}/tsx/src/grammar.json`,
        `${TS}/tsx/src/node-types.json`,
        `${TS}/tsx/src/parser.c`,
        `${TS}/common/define-grammar.js`,
        `${TS}/common/scanner.h`,
      ],
    },
    {
      say: 'Read the build glue shared by both dialects.',
      tool: 'cat',
      args: [`${TS}/common/common.mak`, `${TS}/binding.gyp`],
    },
    {
      say: 'Read the tag and locals queries.',
      tool: 'head',
      args: ['-n', '120', `${TS}/queries/tags.scm`, `${TS}/queries/locals.scm`],
    },
    { say: 'Now the web-tree-sitter manifest.', tool: 'cat', args: [`${WEB}/package.json`] },
    {
      say: 'And its typings: Parser, Language and Tree.',
      tool: 'sed',
      args: ['-n', '1,420p', `${WEB}/web-tree-sitter.d.ts`],
    },
    {
      say: 'Read the remaining typings: Node, TreeCursor, Query.',
      tool: 'sed',
      args: ['-n', '420,1044p', `${WEB}/web-tree-sitter.d.ts`],
    },
    { say: 'Finally the README of the grammar package.', tool: 'cat', args: [`${TS}/README.md`] },
  ],
  probes(outputs) {
    const out = (i: number) => stepOutput(outputs, i, ID);
    const nested = firstMatch(out(0), /^(\S+\/node_modules\/tree-sitter-javascript):$/, ID).match[1] ?? '';
    const dependency = firstMatch(out(1), /"tree-sitter-javascript": "[^"]+"/, ID).match[0];
    const dialect = firstMatch(out(2), /defineGrammar\('tsx'\)/, ID).match[0];
    const firstToken = firstMatch(out(4), /^\s+(AUTOMATIC_SEMICOLON),$/, ID).match[1] ?? '';
    const tsxParser = firstMatch(out(6), /^\s*\d+ \S+\/tsx\/src\/parser\.c$/, ID).line;
    const webVersion = firstMatch(out(9), /"version": "[^"]+"/, ID).match[0];
    const cursor = firstMatch(out(11), /export class TreeCursor\b.*$/, ID).match[0];
    return [
      verbatim(
        'locate',
        out(0),
        'Where does tree-sitter-typescript keep its own copy of tree-sitter-javascript?',
        nested,
        ID,
      ),
      verbatim(
        'causal',
        out(1),
        'Why is there a second tree-sitter-javascript inside tree-sitter-typescript?',
        dependency,
        ID,
      ),
      verbatim('exact', out(2), 'What call builds the TSX grammar?', dialect, ID),
      verbatim('exact', out(4), 'What is the first token type of the shared external scanner?', firstToken, ID),
      verbatim('count', out(6), 'How many lines does the generated TSX parser.c have, per wc -l?', tsxParser, ID),
      verbatim('exact', out(9), 'Which version of web-tree-sitter is installed?', webVersion, ID),
      verbatim('locate', out(11), 'How is TreeCursor declared in the web-tree-sitter typings?', cursor, ID),
      never(out(4), 'Which token type of the scanner handles DECORATOR_AUTOMATIC_SEMICOLON?', [
        'DECORATOR_AUTOMATIC_SEMICOLON',
        'tree_sitter_tsx_external_scanner_reset',
      ]),
    ];
  },
};
