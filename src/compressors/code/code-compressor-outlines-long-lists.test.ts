import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { CompressContext } from '../compressor.ts';
import { codeCompressor, prepareCodeGrammars } from './code-compressor.ts';
import type { CodeGrammar } from './code-languages.ts';
import { createGrammarRegistry } from './grammar-registry.ts';
import { outlineProblems } from './outline-problems.ts';

const ruler = createTokenRuler('o200k_base');
const context = (conversation = ''): CompressContext => ({ profile: 'balanced', ruler, conversation });
const checker = createGrammarRegistry();
const installed = (file: string): string =>
  readFileSync(path.join(environment.projectRoot, 'node_modules', file), 'utf8');
/** What `head -n count` prints of a file. */
const head = (text: string, count: number): string => `${text.split('\n').slice(0, count).join('\n')}\n`;

/** The outline of `text`, held to every rule an outline keeps, with the share of tokens it saves. */
function outline(text: string, language: CodeGrammar, conversation = ''): { text: string; saved: number } {
  const input = { text, kind: 'code' as const, language };
  const result = codeCompressor.compress(input, context(conversation));
  expect(result, 'outlined').not.toBeNull();
  const lookup = checker.parserFor(language);
  if (!lookup.ok) throw new Error(lookup.reason);
  expect(outlineProblems(text, result!.text, lookup.parser)).toEqual([]);
  expect(result!.dropped.map((d) => d.original)).toEqual([text]);
  expect(codeCompressor.compress(input, context(conversation))?.text, 'deterministic').toBe(result!.text);
  const again = codeCompressor.compress({ ...input, text: result!.text }, context(conversation));
  expect(again === null || again.text === result!.text, 'idempotent').toBe(true);
  return { text: result!.text, saved: 1 - ruler.count(result!.text) / ruler.count(text) };
}

/** Every name a marker's `keys:` lists, and every kept line, as one text to search. */
const visibleNames = (outlined: string): string =>
  outlined +
  findMarkers(outlined)
    .map((m) => m.description)
    .join('\n');

beforeAll(async () => {
  await Promise.all([
    prepareCodeGrammars(['javascript', 'typescript', 'cpp']),
    checker.prepare(['javascript', 'typescript', 'cpp']),
  ]);
});

describe('code compressor elides long lists of data', () => {
  it.each(['tree-sitter-javascript', 'tree-sitter-python', 'tree-sitter-rust'])(
    'a %s grammar.js keeps every rule name and saves most of its tokens',
    (grammar) => {
      const text = installed(`${grammar}/grammar.js`);
      const rules = [...text.matchAll(/^ {4}([A-Za-z_]\w*): [$_]\w* =>/gm)].map((m) => m[1]!);
      expect(rules.length).toBeGreaterThan(100);
      const { text: outlined, saved } = outline(text, 'javascript');
      const names = visibleNames(outlined);
      expect(rules.filter((rule) => !new RegExp(`\\b${rule.replace(/\$/g, '\\$')}\\b`).test(names))).toEqual([]);
      expect(outlined).toMatch(/\/\/ \[\[terse:[0-9a-f]{16} lines \d+-\d+ omitted; keys: \w+/);
      expect(saved).toBeGreaterThan(0.6);
    },
  );

  it('a grammar rule the conversation names stays whole', () => {
    const text = installed('tree-sitter-javascript/grammar.js');
    const rule = text.slice(text.indexOf('    for_in_statement: $ =>'), text.indexOf('    _for_header: $ =>'));
    expect(rule.split('\n').length).toBeGreaterThan(6);
    expect(outline(text, 'javascript').text).not.toContain(rule);
    expect(outline(text, 'javascript', 'what does for_in_statement accept?').text).toContain(rule);
  });

  it('the head of a generated parser.c, cut mid-table, keeps its #defines and elides its tables', () => {
    const text = head(installed('tree-sitter-python/src/parser.c'), 600);
    const { text: outlined, saved } = outline(text, 'cpp');
    for (const define of text.match(/^#define \w+ \d+$/gm)!) expect(outlined).toContain(define);
    expect(outlined).toContain('enum ts_symbol_identifiers {\n  sym_identifier = 1,\n');
    expect(outlined).toMatch(/static const char \* const ts_symbol_names\[\] = \{\n.*\n {2}\/\/ \[\[terse:/);
    expect(saved).toBeGreaterThan(0.8);
  });

  it('a .d.ts cut inside a comment keeps every declaration line, and a mentioned class whole but its comments', () => {
    const text = head(installed('web-tree-sitter/web-tree-sitter.d.ts'), 420);
    const declarations = text.match(/^\t(?:export )?(?:class|interface|type|let) .*$/gm)!;
    const { text: outlined, saved } = outline(text, 'typescript');
    for (const line of declarations) expect(outlined).toContain(line);
    expect(saved).toBeGreaterThan(0.5);
    const parser = text.slice(text.indexOf('\texport class Parser {'), text.indexOf('\texport class Language {'));
    const members = parser.split('\n').filter((line) => /^\t\t\w.*[;{]$/.test(line));
    expect(members.length).toBeGreaterThan(5);
    const mentioned = outline(text, 'typescript', 'How does Parser.parse take its input?').text;
    for (const member of members) expect(mentioned).toContain(member);
    expect(mentioned.length).toBeLessThan(text.length);
  });

  it('a C header lists every function-like macro it elides and keeps its plain #defines', () => {
    const text = installed('tree-sitter-c/src/tree_sitter/array.h');
    const macros = [...text.matchAll(/^#define (\w+)\(/gm)].map((m) => m[1]!);
    const { text: outlined, saved } = outline(text, 'cpp');
    const names = visibleNames(outlined);
    expect(macros.filter((macro) => !new RegExp(`\\b${macro}\\b`).test(names))).toEqual([]);
    expect(outlined).toContain('#define TREE_SITTER_ARRAY_H_\n');
    expect(saved).toBeGreaterThan(0.4);
  });
});
