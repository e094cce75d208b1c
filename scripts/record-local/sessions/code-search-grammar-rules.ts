/** Code search over the tree-sitter grammar packages npm installed (their grammar.js rule files). */
import { derived, firstMatch, never, stepOutput, verbatim, countLines } from '../probe-kit.ts';
import type { Session } from '../session.ts';

const ID = 'local-code-search-grammar-rules';
const GRAMMARS = ['--sort', 'path', '--no-ignore', '-g', 'grammar.js', '-M', '300'];

/** Searches grammar rules across languages: fields, precedences, functions, external scanners. */
export const codeSearchGrammarRules: Session = {
  id: ID,
  workload: 'code-search',
  task:
    'We are adding a structural code compressor and need to know how the tree-sitter grammars in node_modules name ' +
    'their function rules, fields and external tokens. Search the grammar.js files and report path:line for each finding.',
  steps: [
    { say: 'Count field() uses per grammar.', tool: 'rg', args: ['-c', ...GRAMMARS, 'field\\(', 'node_modules'] },
    { say: 'Which rules are left-associative?', tool: 'rg', args: ['-n', ...GRAMMARS, 'prec\\.left', 'node_modules'] },
    {
      say: 'Find the function rules of each language.',
      tool: 'rg',
      args: [
        '-n',
        ...GRAMMARS,
        '^\\s+(function_definition|function_item|function_declaration|method_declaration|arrow_function): ',
        'node_modules',
      ],
    },
    {
      say: 'The TypeScript grammar should be at the package root too.',
      tool: 'rg',
      args: ['-n', 'function_signature', 'node_modules/tree-sitter-typescript/grammar.js'],
    },
    {
      say: 'It is not; search the whole TypeScript package instead, grouped by file.',
      tool: 'rg',
      args: [
        '--heading',
        '-n',
        '--sort',
        'path',
        '--no-ignore',
        '-M',
        '300',
        '-g',
        '*.js',
        'function_signature|method_signature',
        'node_modules/tree-sitter-typescript',
      ],
    },
    {
      say: 'Show immediate tokens, grouped by grammar.',
      tool: 'rg',
      args: ['--heading', '-n', ...GRAMMARS, 'token\\.immediate', 'node_modules'],
    },
    {
      say: 'List the external scanner tokens each grammar declares.',
      tool: 'rg',
      args: ['-n', ...GRAMMARS, '-A', '14', 'externals: ', 'node_modules'],
    },
    {
      say: 'Every optional() in the Python and Go grammars.',
      tool: 'rg',
      args: [
        '-n',
        '--sort',
        'path',
        'optional\\(',
        'node_modules/tree-sitter-python/grammar.js',
        'node_modules/tree-sitter-go/grammar.js',
      ],
    },
    {
      say: 'The C and C++ grammars use fields heavily too; list them.',
      tool: 'rg',
      args: [
        '-n',
        '--sort',
        'path',
        '-M',
        '300',
        'field\\(',
        'node_modules/tree-sitter-c/grammar.js',
        'node_modules/tree-sitter-cpp/grammar.js',
      ],
    },
    {
      say: 'Where do the Java and JavaScript grammars branch with choice()?',
      tool: 'rg',
      args: [
        '-n',
        '--sort',
        'path',
        '-M',
        '300',
        'choice\\(',
        'node_modules/tree-sitter-java/grammar.js',
        'node_modules/tree-sitter-javascript/grammar.js',
      ],
    },
    {
      say: 'And all field() uses in the Rust grammar.',
      tool: 'rg',
      args: ['-n', '--sort', 'path', 'field\\(', 'node_modules/tree-sitter-rust/grammar.js'],
    },
  ],
  probes(outputs) {
    const out = (i: number) => stepOutput(outputs, i, ID);
    const rustFields = firstMatch(out(0), /^node_modules\/tree-sitter-rust\/grammar\.js:\d+$/, ID).line;
    const firstLeft = firstMatch(out(1), /^(\S+?:\d+):/, ID).match[1] ?? '';
    const functionItem = firstMatch(out(2), /^(\S+?):\d+:\s+function_item: /, ID).match[1] ?? '';
    const missing = firstMatch(out(3), /No such file or directory.*$/, ID).match[0];
    const signature = firstMatch(out(4), /^node_modules\/tree-sitter-typescript\/\S+$/, ID).line;
    const optional = out(7);
    const goOptional = String(countLines(optional, /^node_modules\/tree-sitter-go\//));
    const lastRustField = out(10).text.trimEnd().split('\n').at(-1)?.trim() ?? '';
    return [
      verbatim('count', out(0), 'How many lines of the Rust grammar use field(), per `rg -c`?', rustFields, ID),
      verbatim('exact', out(1), 'At which path:line is the first prec.left hit?', firstLeft, ID),
      verbatim('locate', out(2), 'Which grammar file defines the `function_item` rule?', functionItem, ID),
      verbatim(
        'causal',
        out(3),
        'Why did the search in node_modules/tree-sitter-typescript/grammar.js print nothing useful?',
        missing,
        ID,
      ),
      verbatim(
        'locate',
        out(4),
        'Which file of tree-sitter-typescript holds function_signature first in the grouped search?',
        signature,
        ID,
      ),
      derived('count', optional, 'How many optional( hits came from the Go grammar?', goOptional),
      verbatim(
        'exact',
        out(10),
        'What is the last field( hit in the Rust grammar (line number and text)?',
        lastRustField,
        ID,
      ),
      never(out(2), 'Which grammar defines the `function_item_declaration` rule?', [
        'function_item_declaration',
        'lambda_definition:',
      ]),
    ];
  },
};
