import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { detectContent } from './detect-content.ts';

const PACKAGE = path.join(environment.projectRoot, 'node_modules', 'tree-sitter-python');

/** What an agent's `cat` prints for real files. */
function cat(...files: string[]): string {
  const run = spawnSync('cat', files, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cat ${files.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

describe('detectContent splits a JSON document from the output that follows it', () => {
  it('reads `cat tree-sitter.json README.md` as the JSON file, then the README', () => {
    const json = path.join(PACKAGE, 'tree-sitter.json');
    const readme = path.join(PACKAGE, 'README.md');
    const text = cat(json, readme);
    const detection = detectContent(text);
    expect(detection.kind).toBe('mixed');
    const first = detection.sections?.[0];
    expect(first?.kind).toBe('json');
    expect(text.slice(first?.start, first?.end)).toBe(readFileSync(json, 'utf8'));
    expect(detection.sections?.slice(1).every((section) => section.kind !== 'json')).toBe(true);
    expect(detection.sections?.at(-1)?.end).toBe(text.length);
  });

  it('leaves two JSON files in a row (`cat package.json tree-sitter.json`) whole', () => {
    const text = cat(path.join(PACKAGE, 'package.json'), path.join(PACKAGE, 'tree-sitter.json'));
    expect(detectContent(text).kind).not.toBe('mixed');
  });
});
