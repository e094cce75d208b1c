/**
 * Hostile tool output built from real bytes: cut and broken JSON, binary decoded as text, one huge
 * line, deep nesting, a million-line log. Each is built on demand so only one sits in memory.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { environment } from '../../config.ts';
import { buildHeadroomSuite } from '../../suites/headroom/build-headroom-suite.ts';
import { suiteBlocks } from './suite-blocks.ts';

/** One hostile input: a name for the report and how to build its text. */
export interface BadInput {
  readonly name: string;
  readonly build: () => string;
}

const root = environment.projectRoot;

/** The log search result of the headroom SRE trace: the JSON log objects an agent reads. */
function realJson(): string {
  const suite = buildHeadroomSuite({ seeds: [0], calls: 'final', needle: false });
  const block = suiteBlocks('headroom', suite.traces).find(
    (b) => b.trace.startsWith('sre') && b.text.includes('"entries"'),
  );
  if (block === undefined) throw new Error('the headroom sre trace has no log search result');
  return block.text;
}

/** Real bytes that are not text: a tree-sitter grammar compiled to WebAssembly. */
function binaryBytes(): Buffer {
  return readFileSync(path.join(root, 'node_modules', 'tree-sitter-python', 'tree-sitter-python.wasm')).subarray(
    0,
    256 * 1024,
  );
}

/**
 * Bytes as Python decodes them with `errors="surrogateescape"` (how tools carry undecodable bytes,
 * and what `json.dumps` then writes as `\udcXX` escapes): ASCII stays, each high byte becomes the
 * lone surrogate U+DC80..U+DCFF.
 */
function surrogateEscaped(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte < 0x80 ? byte : 0xdc00 + byte);
  return out;
}

/** Real source text (TypeScript's ES5 declarations), ~200 KB. */
function realText(): string {
  return readFileSync(path.join(root, 'node_modules', 'typescript', 'lib', 'lib.es5.d.ts'), 'utf8');
}

/** Real log lines: every loghub sample when the shared corpus is there, else the lines of real text. */
function realLogLines(): string[] {
  const loghub = path.join(environment.sharedDir, 'corpus', 'loghub');
  if (!existsSync(loghub))
    return realText()
      .split('\n')
      .filter((line) => line.trim() !== '');
  const lines: string[] = [];
  for (const system of readdirSync(loghub).sort()) {
    const dir = path.join(loghub, system);
    if (!existsSync(path.join(dir, `${system}_2k.log`))) continue;
    lines.push(
      ...readFileSync(path.join(dir, `${system}_2k.log`), 'utf8')
        .split('\n')
        .filter((line) => line !== ''),
    );
  }
  return lines;
}

/** `text` repeated (whole copies, then a cut) to exactly `chars` characters. */
function repeatTo(text: string, chars: number): string {
  return text.repeat(Math.ceil(chars / text.length)).slice(0, chars);
}

/** `depth` nested arrays of objects: `[{"level":0,"next":[{"level":1,"next":...}]}]`. */
function nestedJson(depth: number): string {
  const open: string[] = [];
  for (let level = 0; level < depth; level++) open.push(`[{"level":${level},"next":`);
  return `${open.join('')}null${'}]'.repeat(depth)}`;
}

/** Sizes the brief asks for. */
export const FIFTY_MEGABYTES = 50 * 1024 * 1024;
export const NESTING_DEPTH = 10_000;
export const MILLION_LINES = 1_000_000;

/** Every hostile input, smallest first. */
export const BAD_INPUTS: readonly BadInput[] = [
  {
    name: 'truncated JSON (a real array cut mid-value)',
    build: () => {
      const json = realJson();
      return json.slice(0, Math.floor(json.length * 0.6));
    },
  },
  {
    name: 'invalid JSON (trailing commas, single quotes)',
    build: () =>
      realJson()
        .replace(/\n(\s*)\}/g, ',\n$1}')
        .replace(/"level"/g, "'level'"),
  },
  { name: 'binary decoded as latin1', build: () => binaryBytes().toString('latin1') },
  { name: 'binary decoded as UTF-8 with replacement characters', build: () => binaryBytes().toString('utf8') },
  {
    name: "binary as Python's surrogateescape writes it (lone surrogates)",
    build: () => surrogateEscaped(binaryBytes()),
  },
  { name: `JSON nested ${NESTING_DEPTH} levels deep`, build: () => nestedJson(NESTING_DEPTH) },
  {
    name: 'a 50 MB single line of real text',
    build: () => repeatTo(realText().replace(/\s*\n\s*/g, ' '), FIFTY_MEGABYTES),
  },
  {
    name: 'a log of 1,000,000 real lines',
    build: () => {
      const lines = realLogLines();
      return Array.from({ length: MILLION_LINES }, (_, index) => lines[index % lines.length]).join('\n');
    },
  },
];
