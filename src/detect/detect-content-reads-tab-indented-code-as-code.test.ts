import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectContent } from './detect-content.ts';

const require = createRequire(import.meta.url);
// A real tab-indented declaration file; agents often print its second half (`tail -n 400`).
const dts = readFileSync(path.join(path.dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.d.ts'), 'utf8');

describe('tab-indented code', () => {
  it('is code, not a TSV table, when printed from the middle of a class', () => {
    // What the local exploration trace printed: the file from inside `Node`'s members to its end.
    const from = dts.indexOf('\t\tget isError(): boolean;');
    expect(from).toBeGreaterThan(0);
    const tail = dts.slice(dts.lastIndexOf('\n', dts.lastIndexOf('\t\t/**', from)) + 1);
    expect(tail.split('\n').filter((line) => line.startsWith('\t\t')).length).toBeGreaterThan(200);
    const detection = detectContent(tail);
    expect(detection.kind).toBe('code');
    expect(detection.language).toBe('typescript');
  });
});
