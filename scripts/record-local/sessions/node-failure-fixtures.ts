/**
 * The small scripts the node-failures session writes into its work dir. They drive real libraries
 * that npm installed (typescript, web-tree-sitter, the grammar packages); the failures they hit are
 * those libraries' own errors and real differences between installed packages.
 */

/** Counts top-level statements of each grammar with the TypeScript parser; one key is misspelt. */
export function countStatementsScript(root: string): string {
  return `'use strict';
// Counts the top-level statements of every grammar.js with the TypeScript parser.
const fs = require('node:fs');
const ts = require(${JSON.stringify(`${root}/node_modules/typescript`)});

const languages = ['c', 'cpp', 'go', 'java', 'javascript', 'python', 'rust', 'typescript'];
const sources = {};
for (const language of languages) {
  const file = ${JSON.stringify(`${root}/node_modules/tree-sitter-`)} + language + '/grammar.js';
  if (fs.existsSync(file)) sources['tree-sitter-' + language] = fs.readFileSync(file, 'utf8');
}
for (const language of languages) {
  const name = 'tree-sitter-' + language + '/grammar.js';
  const sourceFile = ts.createSourceFile(name, sources['tree-sitter-' + language], ts.ScriptTarget.Latest, true);
  const rules = sourceFile.statements.length;
  console.log(name.padEnd(36) + ' statements=' + rules + ' lines=' + sourceFile.getLineStarts().length);
}
`;
}

/** Builds a parser without awaiting Parser.init(), as a hurried caller would. */
export function parseBeforeInitScript(root: string): string {
  return `// Parses a JavaScript snippet with web-tree-sitter.
import { Parser } from ${JSON.stringify(`${root}/node_modules/web-tree-sitter/web-tree-sitter.js`)};

const parser = new Parser();
const tree = parser.parse('const answer = 42;');
console.log(tree.rootNode.toString());
`;
}

/** Checks over the installed grammar packages; three of them state what a maintainer expected. */
export function grammarChecksTest(root: string): string {
  return `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { Language, Parser } from ${JSON.stringify(`${root}/node_modules/web-tree-sitter/web-tree-sitter.js`)};

const ROOT = ${JSON.stringify(root)};
const read = (file) => JSON.parse(readFileSync(ROOT + '/' + file, 'utf8'));
const GRAMMARS = ['c', 'cpp', 'go', 'java', 'javascript', 'python', 'rust'];

test('installed grammar versions match the lockfile', () => {
  const lock = read('package-lock.json');
  for (const language of GRAMMARS) {
    const name = 'tree-sitter-' + language;
    assert.equal(read('node_modules/' + name + '/package.json').version, lock.packages['node_modules/' + name].version, name);
  }
});

test('both tree-sitter-javascript copies declare the same node types', () => {
  const top = read('node_modules/tree-sitter-javascript/src/node-types.json').map((t) => t.type);
  const nested = read('node_modules/tree-sitter-typescript/node_modules/tree-sitter-javascript/src/node-types.json').map((t) => t.type);
  assert.deepEqual(nested, top);
});

test('every grammar package ships an external scanner', () => {
  const missing = GRAMMARS.filter((language) => !existsSync(ROOT + '/node_modules/tree-sitter-' + language + '/src/scanner.c'));
  assert.deepEqual(missing, []);
});

async function parse(wasm, source) {
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(ROOT + '/node_modules/' + wasm));
  return parser.parse(source).rootNode;
}

test('the JavaScript grammar parses a TypeScript annotation without errors', async () => {
  const root = await parse('tree-sitter-javascript/tree-sitter-javascript.wasm', 'const limit: number = 10;');
  assert.equal(root.hasError, false, root.toString());
});

test('the TypeScript grammar parses the same line', async () => {
  const root = await parse('tree-sitter-typescript/tree-sitter-typescript.wasm', 'const limit: number = 10;');
  assert.equal(root.hasError, false, root.toString());
});
`;
}
