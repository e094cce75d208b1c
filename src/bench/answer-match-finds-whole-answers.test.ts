import { describe, expect, it } from 'vitest';
import { containsAnswer, containsLocation, normalizeForMatch } from './answer-match.ts';

const haystack = normalizeForMatch(
  '2015-10-18 18:06:01,840 WARN  [RMCommunicator Allocator] ERROR IN CONTACTING RM.\n  retrying msra-sa-41:8030 TOOL 1470',
);

describe('answer matching', () => {
  it('finds answers across folded white space', () => {
    expect(containsAnswer(haystack, 'ERROR IN\nCONTACTING   RM')).toBe(true);
    expect(containsAnswer(haystack, 'msra-sa-41:8030')).toBe(true);
  });
  it('does not find a short answer inside a longer word or number', () => {
    expect(containsAnswer(haystack, 'OL')).toBe(false);
    expect(containsAnswer(haystack, '147')).toBe(false);
    expect(containsAnswer(haystack, '1470')).toBe(true);
  });
  it('finds a JSON key-value pair however the JSON was spaced', () => {
    const pretty = normalizeForMatch('{\n  "name": "web-tree-sitter",\n  "version": "0.27.2"\n}');
    const compact = normalizeForMatch('{"name":"web-tree-sitter","version":"0.27.2"}');
    expect(containsAnswer(compact, '"version": "0.27.2"')).toBe(true);
    expect(containsAnswer(pretty, '"version":"0.27.2"')).toBe(true);
  });

  it('is case-sensitive and rejects empty answers', () => {
    expect(containsAnswer(haystack, 'error in contacting rm')).toBe(false);
    expect(containsAnswer(haystack, '   ')).toBe(false);
  });
});

describe('location answers', () => {
  const heading =
    'node_modules/typescript/lib/_tsc.js\n21234:    createSourceFile: createSourceFile2,\n24133-  function x() {\n\nnode_modules/typescript/lib/typescript.js\n455:  createSourceFile: () => createSourceFile,\n';
  it('finds path:line in rg --heading layout', () => {
    expect(containsLocation(heading, 'node_modules/typescript/lib/_tsc.js:21234')).toBe(true);
    expect(containsLocation(heading, 'node_modules/typescript/lib/_tsc.js:24133')).toBe(true);
    expect(containsLocation(heading, 'node_modules/typescript/lib/typescript.js:455')).toBe(true);
  });
  it('does not take a line of another file, or a line past the blank line that ends a group', () => {
    expect(containsLocation(heading, 'node_modules/typescript/lib/_tsc.js:455')).toBe(false);
    expect(containsLocation(heading, 'node_modules/typescript/lib/typescript.js:21234')).toBe(false);
    expect(containsLocation(heading, 'not a location')).toBe(false);
  });
});
