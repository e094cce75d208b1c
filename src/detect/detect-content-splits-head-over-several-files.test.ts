import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { head } from '../testkit/detect/real-head-output.ts';
import { detectContent } from './detect-content.ts';
import type { DetectedSection } from './detection.ts';

const PACKAGE = path.join('node_modules', 'tree-sitter-python');

function described(
  text: string,
  sections: readonly DetectedSection[],
): { kind: string; language?: string; text: string }[] {
  return sections.map((section) => ({
    kind: section.kind,
    ...(section.language === undefined ? {} : { language: section.language }),
    text: text.slice(section.start, section.end),
  }));
}

describe('detectContent splits `head` over several files at its `==> path <==` headers', () => {
  it('gives each C file of `head -n 30 scanner.c alloc.h` its own code section, the headers their own text sections', () => {
    const scanner = path.join(PACKAGE, 'src', 'scanner.c');
    const alloc = path.join(PACKAGE, 'src', 'tree_sitter', 'alloc.h');
    const text = head('-n', '30', scanner, alloc);
    const detection = detectContent(text);
    expect(detection.kind).toBe('mixed');
    expect(described(text, detection.sections ?? [])).toEqual([
      { kind: 'text', text: `==> ${scanner} <==\n` },
      // `head` separates files with a blank line: it stays with the file before it.
      { kind: 'code', language: 'c', text: `${head('-n', '30', scanner)}\n` },
      { kind: 'text', text: `==> ${alloc} <==\n` },
      { kind: 'code', language: 'c', text: head('-n', '30', alloc) },
    ]);
  });

  it("hints each file's language from its extension (binding.cc, index.js, index.d.ts)", () => {
    const files = ['binding.cc', 'index.js', 'index.d.ts'].map((name) => path.join(PACKAGE, 'bindings', 'node', name));
    const text = head(...files);
    const code = (detectContent(text).sections ?? []).filter((section) => section.kind !== 'text');
    expect(code.map((section) => section.language)).toEqual(['cpp', 'javascript', 'typescript']);
  });

  it('splits `head -v` over one file too, and the same listing inside a mini-swe-agent <output> wrapper', () => {
    const scanner = path.join(PACKAGE, 'src', 'scanner.c');
    const text = head('-v', '-n', '40', scanner);
    expect(described(text, detectContent(text).sections ?? [])).toEqual([
      { kind: 'text', text: `==> ${scanner} <==\n` },
      { kind: 'code', language: 'c', text: head('-n', '40', scanner) },
    ]);
    const wrapped = `<returncode>0</returncode>\n<output>\n${text}</output>`;
    const kinds = (detectContent(wrapped).sections ?? []).map((section) => section.kind);
    expect(kinds).toEqual(['text', 'code', 'text']);
  });

  it('leaves output alone when one `==>` line sits inside other text', () => {
    const source = head('-n', '30', path.join(PACKAGE, 'src', 'scanner.c'));
    const text = `${source}==> note <==\n${source}`;
    expect(detectContent(text).kind).toBe('code');
  });
});
