/**
 * Issue triage: "TypeScript parser rejects `using` declarations the JavaScript parser accepts",
 * answered from npm's dependency tree and `git diff --no-index` of the two tree-sitter-javascript
 * copies npm installed (0.25.0 at the top, 0.23.1 nested under tree-sitter-typescript).
 */
import { firstMatch, never, stepOutput, verbatim, derived, countLines } from '../probe-kit.ts';
import type { Session, Step } from '../session.ts';

const ID = 'local-issue-triage-javascript-grammar-drift';
const NESTED = 'node_modules/tree-sitter-typescript/node_modules/tree-sitter-javascript';
const TOP = 'node_modules/tree-sitter-javascript';

function diff(say: string, file: string): Step {
  return { say, tool: 'git', args: ['diff', '--no-index', `${NESTED}/${file}`, `${TOP}/${file}`] };
}

/** Triage of a grammar-version drift between two installed copies of one package. */
export const issueTriageJavascriptGrammarDrift: Session = {
  id: ID,
  workload: 'issue-triage',
  task: [
    'Issue #412: "TypeScript files with `using` declarations come out as ERROR nodes, but the same code in a .js file',
    'parses fine. Both go through tree-sitter." Triage it: which grammar versions are installed, what changed between',
    'them, and whether the difference explains the report. Quote versions, diff hunks and file names.',
  ].join('\n'),
  steps: [
    {
      say: 'Which copies of tree-sitter-javascript are installed?',
      tool: 'npm',
      args: ['ls', 'tree-sitter-javascript'],
    },
    { say: 'Why is there a second copy?', tool: 'npm', args: ['explain', 'tree-sitter-javascript'] },
    {
      say: 'Summarise what differs between the two copies.',
      tool: 'git',
      args: ['diff', '--no-index', '--stat=160', NESTED, TOP],
    },
    diff('Compare the manifests.', 'package.json'),
    diff('Compare the grammar definitions.', 'grammar.js'),
    diff('Compare the node types each grammar produces.', 'src/node-types.json'),
    {
      say: 'Where does each grammar mention `using`?',
      tool: 'rg',
      args: ['-n', '--sort', 'path', '--no-ignore', '\\busing\\b', `${NESTED}/grammar.js`, `${TOP}/grammar.js`],
    },
    {
      say: 'Read how the older grammar lays out its declarations.',
      tool: 'sed',
      args: ['-n', '1,460p', `${NESTED}/grammar.js`],
    },
    diff('Compare the parser ABI headers.', 'src/tree_sitter/parser.h'),
    diff('Compare the tree-sitter metadata.', 'tree-sitter.json'),
    diff('Compare the Node binding glue.', 'bindings/node/binding.cc'),
    diff('Compare the serialized grammars.', 'src/grammar.json'),
    diff('Did the highlight queries change?', 'queries/highlights.scm'),
    {
      say: 'Read the queries of the newer copy: do they capture using declarations?',
      tool: 'cat',
      args: [`${TOP}/queries/highlights.scm`, `${TOP}/queries/tags.scm`, `${TOP}/queries/locals.scm`],
    },
    {
      say: 'Read the rest of the older grammar, expressions and classes.',
      tool: 'sed',
      args: ['-n', '460,900p', `${NESTED}/grammar.js`],
    },
    {
      say: 'And the end of the newer grammar, where the newest rules sit.',
      tool: 'sed',
      args: ['-n', '900,1324p', `${TOP}/grammar.js`],
    },
    { say: 'Read the README of the top-level copy for the supported syntax.', tool: 'cat', args: [`${TOP}/README.md`] },
  ],
  probes(outputs) {
    const out = (i: number) => stepOutput(outputs, i, ID);
    const nestedVersion = firstMatch(out(0), /tree-sitter-javascript@0\.23\.\d+/, ID).match[0];
    const why = firstMatch(out(1), /tree-sitter-javascript@"[^"]+" from tree-sitter-typescript@[\d.]+/, ID).match[0];
    const summary = firstMatch(out(2), /^ \d+ files changed.*$/, ID).line;
    const usingRule = firstMatch(out(4), /^\+\s+using_declaration: .*$/, ID).line;
    const nodeTypes = out(5);
    const added = String(countLines(nodeTypes, /^\+\s+"type": /));
    const abi = firstMatch(out(8), /^\+.*TREE_SITTER_.*$|^\+typedef struct \w+.*$/, ID).line;
    const serialized = firstMatch(out(11), /^\+\s+"using_declaration": \{$|^\+.*"using_declaration".*$/, ID).line;
    const metadata = firstMatch(out(9), /^\+\s+"version": "[^"]+".*$/, ID).line;
    return [
      verbatim(
        'exact',
        out(0),
        'Which version of tree-sitter-javascript sits under tree-sitter-typescript?',
        nestedVersion,
        ID,
      ),
      verbatim('causal', out(1), 'Why does npm keep a second, older tree-sitter-javascript?', why, ID),
      verbatim('count', out(2), 'How many files differ between the two copies, per git diff --stat?', summary, ID),
      verbatim('locate', out(4), 'Which grammar.js line introduces the using_declaration rule?', usingRule, ID),
      derived('count', nodeTypes, 'How many "type" lines does the newer node-types.json add?', added),
      verbatim('exact', out(8), 'What is the first added line in the parser.h diff?', abi, ID),
      verbatim('exact', out(9), 'Which version does the newer tree-sitter.json declare?', metadata, ID),
      verbatim('locate', out(11), 'Where does the serialized grammar diff add using_declaration?', serialized, ID),
      never(out(4), 'Which grammar defines await_using_declaration?', ['await_using_declaration', 'using_statement:']),
    ];
  },
};
