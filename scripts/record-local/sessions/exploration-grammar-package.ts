/**
 * Exploration of one tree-sitter grammar package as npm installed it: listing, manifest, C scanner
 * and headers, C++/JS/TS bindings, gyp build file, grammar, queries, generated parser and docs.
 */
import { firstMatch, never, stepOutput, verbatim } from '../probe-kit.ts';
import type { Session, Step } from '../session.ts';

/** The grammar packages explored: each ships an external scanner in src/scanner.c. */
export interface GrammarPackage {
  /** The language's name as it appears in the C symbols, e.g. `python`. */
  readonly language: string;
  /** What the user is trying to do with it, in one sentence. */
  readonly goal: string;
}

function steps(pkg: string, language: string): Step[] {
  return [
    { say: `List everything the ${language} grammar package ships.`, tool: 'ls', args: ['-R', pkg] },
    { say: 'Read the manifest for the version and entry points.', tool: 'cat', args: [`${pkg}/package.json`] },
    {
      say: 'Check the Python binding, which grammar repos usually ship.',
      tool: 'cat',
      args: [`${pkg}/bindings/python/tree_sitter_${language}/__init__.py`],
    },
    {
      say: 'It is not there; see which bindings the npm package kept.',
      tool: 'ls',
      args: [`${pkg}/bindings`, `${pkg}/bindings/node`],
    },
    {
      say: 'How large are the generated sources and headers?',
      tool: 'wc',
      args: [
        '-l',
        `${pkg}/src/grammar.json`,
        `${pkg}/src/node-types.json`,
        `${pkg}/src/parser.c`,
        `${pkg}/src/scanner.c`,
        `${pkg}/src/tree_sitter/alloc.h`,
        `${pkg}/src/tree_sitter/array.h`,
        `${pkg}/src/tree_sitter/parser.h`,
      ],
    },
    {
      say: 'Read the external scanner and the allocator and array headers it includes.',
      tool: 'head',
      args: ['-n', '400', `${pkg}/src/scanner.c`, `${pkg}/src/tree_sitter/alloc.h`, `${pkg}/src/tree_sitter/array.h`],
    },
    {
      say: 'Read the parser header the generated code depends on.',
      tool: 'cat',
      args: [`${pkg}/src/tree_sitter/parser.h`],
    },
    {
      say: 'Look at the Node binding: C++ glue, JS loader, typings and the gyp build file.',
      tool: 'head',
      args: [
        '-n',
        '60',
        `${pkg}/bindings/node/binding.cc`,
        `${pkg}/bindings/node/index.js`,
        `${pkg}/bindings/node/index.d.ts`,
        `${pkg}/binding.gyp`,
      ],
    },
    { say: 'Read the whole grammar definition.', tool: 'cat', args: [`${pkg}/grammar.js`] },
    {
      say: 'Read the highlight and tag queries.',
      tool: 'head',
      args: ['-n', '200', `${pkg}/queries/highlights.scm`, `${pkg}/queries/tags.scm`],
    },
    {
      say: 'Peek at the generated parser header block (the file is huge, cap it).',
      tool: 'sed',
      args: ['-n', '1,600p', `${pkg}/src/parser.c`],
    },
    { say: 'Read the start of node-types.json.', tool: 'head', args: ['-n', '400', `${pkg}/src/node-types.json`] },
    {
      say: 'Read how grammar.json serializes the first rules.',
      tool: 'head',
      args: ['-n', '500', `${pkg}/src/grammar.json`],
    },
    {
      say: 'Finally the tree-sitter metadata and the README.',
      tool: 'cat',
      args: [`${pkg}/tree-sitter.json`, `${pkg}/README.md`],
    },
  ];
}

/** Builds the exploration session of one grammar package. */
export function grammarPackageExploration(grammar: GrammarPackage): Session {
  const { language } = grammar;
  const id = `local-exploration-tree-sitter-${language}`;
  const pkg = `node_modules/tree-sitter-${language}`;
  return {
    id,
    workload: 'exploration',
    task: `${grammar.goal} Explore ${pkg}: what it ships, how it is built and loaded, and how its scanner and parser are laid out.`,
    steps: steps(pkg, language),
    probes(outputs) {
      const out = (i: number) => stepOutput(outputs, i, id);
      const version = firstMatch(out(1), /"version": "[^"]+"/, id).match[0];
      const missing = firstMatch(out(2), /No such file or directory/, id).line;
      const scannerLines = firstMatch(out(4), /^\s*\d+ \S+\/src\/scanner\.c$/, id).line;
      const scanBlock = firstMatch(out(5), /^==> (\S+\/scanner\.c) <==$/, id).match[1] ?? '';
      firstMatch(out(5), new RegExp(`tree_sitter_${language}_external_scanner_scan\\(`), id);
      const headerDefine = firstMatch(out(6), /^#define \w+ \S+/, id).match[0];
      const loader = firstMatch(out(7), /require\("node-gyp-build"\)/, id).match[0];
      const symbols = firstMatch(out(10), /^#define SYMBOL_COUNT \d+$/, id).line;
      const states = firstMatch(out(10), /^#define STATE_COUNT \d+$/, id).line;
      return [
        verbatim('exact', out(1), `Which version of tree-sitter-${language} is installed?`, version, id),
        verbatim('causal', out(2), `Why could the Python binding of tree-sitter-${language} not be read?`, missing, id),
        verbatim(
          'count',
          out(4),
          'How many lines does the external scanner (src/scanner.c) have, per wc -l?',
          scannerLines,
          id,
        ),
        verbatim('locate', out(5), `Which file defines tree_sitter_${language}_external_scanner_scan?`, scanBlock, id),
        verbatim('exact', out(6), 'What is the first #define in src/tree_sitter/parser.h?', headerDefine, id),
        verbatim('locate', out(7), 'What does the Node binding use to load the native module outside Bun?', loader, id),
        verbatim('count', out(10), 'How many symbols does the generated parser declare?', symbols, id),
        verbatim('exact', out(10), 'What is the STATE_COUNT of the generated parser?', states, id),
        never(out(5), `Where is tree_sitter_${language}_external_scanner_reset defined?`, [
          `tree_sitter_${language}_external_scanner_reset`,
        ]),
      ];
    },
  };
}

/** The Python grammar package, explored before writing a Python-aware compressor. */
export const explorationTreeSitterPython = grammarPackageExploration({
  language: 'python',
  goal: 'We plan a Python-aware code compressor built on the tree-sitter Python grammar.',
});

/** The Rust grammar package, explored before adding Rust support. */
export const explorationTreeSitterRust = grammarPackageExploration({
  language: 'rust',
  goal: 'We want to add Rust support to the code compressor using the tree-sitter Rust grammar.',
});
