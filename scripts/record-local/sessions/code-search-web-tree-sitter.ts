/** Code search over the web-tree-sitter runtime that npm installed (JS bundle and its typings). */
import { countLines, derived, firstMatch, never, stepOutput, verbatim } from '../probe-kit.ts';
import type { Session } from '../session.ts';

const ID = 'local-code-search-web-tree-sitter';
const PKG = 'node_modules/web-tree-sitter';
const JS = `${PKG}/web-tree-sitter.js`;
const NO_MAPS = ['--sort', 'path', '--no-ignore', '-g', '!*.map', '-M', '300'];

/** Searches the web-tree-sitter API: its classes, its errors, and how nodes read their fields. */
export const codeSearchWebTreeSitter: Session = {
  id: ID,
  workload: 'code-search',
  task:
    'We want to parse code with web-tree-sitter (node_modules/web-tree-sitter). Find which classes it exports and where, ' +
    'which errors it throws and why, and how a Node reads its children and fields. Give path:line for everything.',
  steps: [
    {
      say: 'Search every use of Language outside the source maps.',
      tool: 'rg',
      args: ['-n', ...NO_MAPS, 'Language', PKG],
    },
    {
      say: 'Count the tree-walking calls per file.',
      tool: 'rg',
      args: ['-c', ...NO_MAPS, 'childForFieldName|rootNode|namedChildren', PKG],
    },
    {
      say: 'Where are the exported classes declared?',
      tool: 'rg',
      args: ['-n', ...NO_MAPS, 'class (Parser|Language|Tree|Node|TreeCursor|Query|LookaheadIterator)\\b', PKG],
    },
    {
      say: 'List every error the runtime throws.',
      tool: 'rg',
      args: ['-n', '--sort', 'path', '-M', '300', 'throw new (Error|TypeError|RangeError)', JS],
    },
    {
      say: 'Show the context of the init check in the Parser constructor.',
      tool: 'rg',
      args: ['-n', '--sort', 'path', '-C', '6', 'before calling `init', JS],
    },
    {
      say: 'How do nodes read their children? Group by file.',
      tool: 'rg',
      args: ['--heading', '-n', ...NO_MAPS, 'child(ForFieldName|renForFieldName|Count|ren)\\b|namedChild', PKG],
    },
    {
      say: 'Look at the heap accessors the bindings use.',
      tool: 'rg',
      args: ['-n', ...NO_MAPS, 'HEAPU32|HEAP32|_malloc|_free\\b', JS],
    },
    {
      say: 'Every Parser and Language member in the ESM typings.',
      tool: 'rg',
      args: ['-n', '--sort', 'path', '-M', '300', 'Parser|Language|Query', `${PKG}/web-tree-sitter.d.ts`],
    },
    {
      say: 'Which native ts_ functions does the runtime call?',
      tool: 'rg',
      args: ['-n', '--sort', 'path', '-M', '300', 'C\\._ts_\\w+', JS],
    },
    {
      say: 'How are nodes and trees marshalled across the wasm boundary?',
      tool: 'rg',
      args: ['-n', '--sort', 'path', '-M', '300', 'marshal\\w+|unmarshal\\w+', JS],
    },
    {
      say: 'List the methods and getters of the runtime classes.',
      tool: 'rg',
      args: ['-n', '--sort', 'path', '-M', '300', '^\\s+(get \\w+\\(\\)|\\w+\\([^)]*\\)) \\{', JS],
    },
    {
      say: 'Finally the position getters on Node.',
      tool: 'rg',
      args: [
        '--heading',
        '-n',
        ...NO_MAPS,
        '-C',
        '3',
        'get (text|type|startPosition|endPosition|startIndex|endIndex)\\(',
        PKG,
      ],
    },
  ],
  probes(outputs) {
    const out = (i: number) => stepOutput(outputs, i, ID);
    const firstLanguage = firstMatch(out(0), /^(\S+?:\d+):/, ID).match[1] ?? '';
    const jsCount = firstMatch(out(1), /^\S+\/web-tree-sitter\.js:\d+$/, ID).line;
    const cursor = firstMatch(out(2), /^(\S+?):\d+:\s*export class TreeCursor\b/, ID).match[1] ?? '';
    const initError = firstMatch(out(4), /throw new Error\("(cannot construct a Parser[^"]*)"\)/, ID).match[1] ?? '';
    const illegal = firstMatch(out(3), /^(\d+):.*Illegal constructor/, ID).match[1] ?? '';
    const heap = out(6);
    const deleteTree = firstMatch(out(8), /^\d+:.*C\._ts_tree_delete\(/, ID).match[0];
    const heapHits = String(countLines(heap, /^\d+:/));
    const lastGetter = firstMatch(out(11), /^\d+:\s*get endIndex\(\)/, ID).match[0];
    return [
      verbatim('exact', out(0), 'At which path:line is the first hit of the Language search?', firstLanguage, ID),
      verbatim(
        'count',
        out(1),
        'How many lines of web-tree-sitter.js mention childForFieldName, rootNode or namedChildren, per `rg -c`?',
        jsCount,
        ID,
      ),
      verbatim(
        'locate',
        out(2),
        'Which file declares `export class TreeCursor` first in the search output?',
        cursor,
        ID,
      ),
      verbatim(
        'causal',
        out(4),
        'What error does web-tree-sitter throw when a Parser is constructed before init()?',
        initError,
        ID,
      ),
      verbatim(
        'exact',
        out(3),
        'On which line of web-tree-sitter.js is "Illegal constructor" thrown?',
        `${illegal}:`,
        ID,
      ),
      verbatim('locate', out(8), 'On which line does the runtime call ts_tree_delete?', deleteTree, ID),
      derived('count', heap, 'How many lines of web-tree-sitter.js matched the heap accessor search?', heapHits),
      verbatim('exact', out(11), 'Which line declares the endIndex getter in the grouped search?', lastGetter, ID),
      never(out(2), 'Which file declares `export class ParserSync`?', ['ParserSync', 'initSync(']),
    ];
  },
};
