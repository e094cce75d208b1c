import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { detectContent } from './detect-content.ts';
import { makefileShare } from './makefile-lines.ts';

const TRACE = path.join(environment.projectRoot, 'traces', 'local', 'local-exploration-typescript-grammar.jsonl');

/** Every string in a JSON value that starts with `opening` (tool results sit deep in trace lines). */
function stringsStartingWith(value: unknown, opening: string, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.startsWith(opening)) found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) stringsStartingWith(item, opening, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) stringsStartingWith(item, opening, found);
  }
  return found;
}

/** The recorded `cat Makefile binding.gyp` result of the tree-sitter-typescript exploration session. */
function recordedMakefile(): string {
  const lines = readFileSync(TRACE, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0);
  const found = lines.flatMap((line) => stringsStartingWith(JSON.parse(line) as unknown, 'ifeq ($(OS),Windows_NT)'));
  const first = found[0];
  if (first === undefined) throw new Error(`no Makefile tool result in ${TRACE}`);
  return first;
}

describe('detectContent keeps Makefiles away from code grammars', () => {
  it("does not read tree-sitter-typescript's Makefile (recorded in a local trace) as Go or any code", () => {
    const text = recordedMakefile();
    expect(makefileShare(text.split('\n').filter((line) => line.trim().length > 0))).toBeGreaterThan(0.25);
    expect(detectContent(text).kind).not.toBe('code');
  });

  it('finds no Makefile lines in real C and JavaScript sources', () => {
    for (const file of [
      'tree-sitter-python/src/scanner.c',
      'tree-sitter-python/grammar.js',
      'web-tree-sitter/web-tree-sitter.js',
    ]) {
      const lines = readFileSync(path.join(environment.projectRoot, 'node_modules', file), 'utf8')
        .split('\n')
        .filter((line) => line.trim().length > 0);
      expect(makefileShare(lines)).toBeLessThan(0.02);
    }
  });
});
