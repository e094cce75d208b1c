/**
 * The real content each compressor is timed on: the blocks of the bundled suites (`local`, real tools
 * over real code; `corpus`, real agent sessions, when ../shared is there) that this compressor is
 * the one to compress, as the engine routes them (first compressor of the block's kind with a
 * result); a compressor given only code, in its most common language, named (declarations reads code
 * by its grammar and passes what has none), on the pieces that parse as whole files. Two kinds come from the packages npm installed instead (pinned by the lockfile): code, as
 * whole JavaScript files (an agent's views of code are fragments, and fragments glued together stop
 * being code), and tables, a CSV of every package.json, since no suite session prints one. A
 * compressor with no material is reported, not timed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { codeGrammars } from '../../src/compressors/code/code-compressor.ts';
import { grammarFor } from '../../src/compressors/code/code-languages.ts';
import { countSyntaxErrors } from '../../src/compressors/code/syntax-errors.ts';
import type { Compressor } from '../../src/compressors/compressor.ts';
import { detectContent } from '../../src/detect/detect-content.ts';
import { DEFAULT_REGISTRY } from '../../src/engine/default-registry.ts';
import { localSuite, specSuites, type NamedSuiteBuild } from '../../src/testkit/invariants/invariant-suites.ts';
import { suiteBlocks } from '../../src/testkit/invariants/suite-blocks.ts';
import type { TokenRuler } from '../../src/tokenize/token-ruler.ts';
import type { ContentKind } from '../../src/types.ts';

/** What one compressor is timed on: pieces of real content of one kind (and one language for code). */
export interface Material {
  readonly compressor: Compressor;
  readonly kind: ContentKind;
  readonly language?: string;
  /** Where the pieces came from, for the table's notes. */
  readonly source: string;
  readonly pieces: readonly string[];
}

interface Piece {
  readonly text: string;
  readonly kind: ContentKind;
  readonly language?: string;
  readonly suite: string;
}

/** A block as detection splits it: itself, or its sections. */
function piecesOf(text: string, suite: string): Piece[] {
  const detection = detectContent(text);
  if (detection.kind !== 'mixed')
    return [{ text, kind: detection.kind, ...(detection.language ? { language: detection.language } : {}), suite }];
  return (detection.sections ?? []).map((section) => ({
    text: text.slice(section.start, section.end),
    kind: section.kind,
    ...(section.language ? { language: section.language } : {}),
    suite,
  }));
}

/** The compressor the engine's registry would keep for a piece under balanced, or null. */
function compressorOf(piece: Piece, ruler: TokenRuler): Compressor | null {
  for (const compressor of DEFAULT_REGISTRY[piece.kind]) {
    const input = { text: piece.text, kind: piece.kind, ...(piece.language ? { language: piece.language } : {}) };
    if (compressor.compress(input, { profile: 'balanced', ruler, conversation: '' }) !== null) return compressor;
  }
  return null;
}

/** True when a piece of code parses with no syntax error in its language's grammar (loaded beforehand). */
function parsesWhole(piece: Piece): boolean {
  const grammar = piece.language === undefined ? null : grammarFor(piece.language);
  const lookup = grammar === null ? null : codeGrammars.parserFor(grammar);
  if (lookup === null || !lookup.ok) return false;
  const tree = lookup.parser.parse(piece.text);
  if (tree === null) return false;
  try {
    return countSyntaxErrors(tree.rootNode) === 0;
  } finally {
    tree.delete();
  }
}

/** The language most of the pieces are in, when any has one. */
function mostCommonLanguage(pieces: readonly Piece[]): string | undefined {
  const counts = new Map<string, number>();
  for (const piece of pieces)
    if (piece.language !== undefined) counts.set(piece.language, (counts.get(piece.language) ?? 0) + 1);
  return [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))[0]?.[0];
}

/** Every package.json npm installed, as CSV rows: real, varied, and pinned by the lockfile. */
function packageTable(projectRoot: string): string {
  const rows: string[] = ['name,version,license,dependencies,description'];
  const quote = (value: unknown): string =>
    `"${String(value ?? '')
      .replaceAll('"', '""')
      .replace(/\s+/g, ' ')}"`;
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const folder = path.join(dir, entry.name);
      if (entry.name.startsWith('@')) {
        visit(folder);
        continue;
      }
      try {
        const pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as Record<string, unknown>;
        const deps =
          typeof pkg.dependencies === 'object' && pkg.dependencies !== null ? Object.keys(pkg.dependencies).length : 0;
        rows.push(
          [quote(pkg.name), quote(pkg.version), quote(pkg.license), String(deps), quote(pkg.description)].join(','),
        );
      } catch {
        // A folder without a readable package.json is not a package.
      }
    }
  };
  visit(path.join(projectRoot, 'node_modules'));
  return rows.join('\n');
}

/** Whole, readable JavaScript files under node_modules (1-60 KB, not minified), by path. */
function javascriptFiles(projectRoot: string): string[] {
  const files: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) visit(file);
      else if (entry.isFile() && entry.name.endsWith('.js') && !entry.name.endsWith('.min.js')) {
        const text = readFileSync(file, 'utf8');
        const lines = text.split('\n').length;
        // A bundle on a few long lines is not code anyone reads.
        if (text.length >= 1_000 && text.length <= 60_000 && text.length / lines < 100) files.push(text);
      }
    }
  };
  visit(path.join(projectRoot, 'node_modules'));
  return files;
}

/** Material per compressor name; suites that are skipped here (no ../shared) add nothing. */
export async function loadMaterials(
  projectRoot: string,
  ruler: TokenRuler,
): Promise<{ materials: Map<string, Material>; suites: string[] }> {
  const suites: NamedSuiteBuild[] = [
    await localSuite(projectRoot),
    ...(await specSuites(projectRoot)).filter((suite) => suite.name === 'corpus'),
  ];
  const byCompressor = new Map<string, { compressor: Compressor; pieces: Piece[] }>();
  const used: string[] = [];
  for (const suite of suites) {
    if (suite.build.state !== 'ready') continue;
    used.push(suite.name);
    for (const block of suiteBlocks(suite.name, suite.build.traces)) {
      for (const piece of piecesOf(block.text, suite.name)) {
        const compressor = compressorOf(piece, ruler);
        if (compressor === null) continue;
        const entry = byCompressor.get(compressor.name) ?? { compressor, pieces: [] };
        entry.pieces.push(piece);
        byCompressor.set(compressor.name, entry);
      }
    }
  }
  const materials = new Map<string, Material>();
  for (const [name, { compressor, pieces: all }] of byCompressor) {
    if (compressor.name === 'code') continue;
    // A compressor given only code (declarations reads it by its grammar) is timed on its most common language, named,
    // on the pieces that parse as whole files: slices glued together stop being code.
    const language = all.every((piece) => piece.kind === 'code') ? mostCommonLanguage(all) : undefined;
    const pieces =
      language === undefined ? all : all.filter((piece) => piece.language === language && parsesWhole(piece));
    const first = pieces[0];
    if (first === undefined) continue;
    const sources = [...new Set(pieces.map((piece) => piece.suite))].join('+');
    const what = language === undefined ? first.kind : `${language} ${first.kind}`;
    materials.set(name, {
      compressor,
      kind: first.kind,
      ...(language === undefined ? {} : { language }),
      source: `${pieces.length} ${what} blocks, ${sources}`,
      pieces: pieces.map((piece) => piece.text),
    });
  }
  const code = DEFAULT_REGISTRY.code.find((compressor) => compressor.name === 'code');
  const scripts = javascriptFiles(projectRoot);
  if (code !== undefined && scripts.length > 0)
    materials.set(code.name, {
      compressor: code,
      kind: 'code',
      language: 'javascript',
      source: `${scripts.length} JavaScript files, node_modules`,
      pieces: scripts,
    });
  const json = materials.get('json');
  const minify = DEFAULT_REGISTRY.json.find((compressor) => compressor.name === 'json-minify');
  // json-minify runs only when the json compressor passes; it is timed on the same JSON.
  if (json !== undefined && minify !== undefined) materials.set(minify.name, { ...json, compressor: minify });
  const table = DEFAULT_REGISTRY.table.find((compressor) => compressor.name === 'table');
  if (table !== undefined)
    materials.set(table.name, {
      compressor: table,
      kind: 'table',
      source: 'CSV of every installed package.json',
      pieces: [packageTable(projectRoot)],
    });
  return { materials, suites: used };
}
