import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectContent } from './detect-content.ts';

const SNIPPETS: Record<string, string> = {
  go: 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tf, err := os.Open("x")\n\tif err != nil {\n\t\tfmt.Println(err)\n\t}\n\tdefer f.Close()\n}\n',
  rust: 'use std::collections::HashMap;\n\n#[derive(Debug)]\nstruct Point { x: i32 }\n\nfn main() {\n    let mut map = HashMap::new();\n    map.insert(1, Point { x: 2 });\n    println!("{:?}", map.get(&1).unwrap());\n}\n',
  java: 'package com.example;\n\nimport java.util.List;\n\npublic class Greeter {\n    private final String name;\n\n    @Override\n    public String toString() {\n        System.out.println(name);\n        return name;\n    }\n}\n',
  cpp: '#include <iostream>\n#include <vector>\n\nnamespace demo {\ntemplate <typename T>\nclass Box {\npublic:\n    T value;\n};\n}\n\nint main() {\n    std::vector<int> v;\n    std::cout << v.size() << std::endl;\n    return 0;\n}\n',
  c: '#include <stdio.h>\n#include <stdlib.h>\n\ntypedef struct node {\n    int value;\n    struct node *next;\n} node;\n\nint main(void) {\n    node *n = malloc(sizeof(node));\n    printf("%d\\n", n->value);\n    free(n);\n    return 0;\n}\n',
  tsx: 'import type { FC } from "react";\n\ninterface Props { readonly title: string }\n\nexport const Card: FC<Props> = ({ title }) => {\n  return (\n    <div className="card">\n      <Header title={title} />\n    </div>\n  );\n};\n',
  typescript:
    'import type { Store } from "./store.ts";\n\nexport interface Options {\n  readonly size: number;\n}\n\nexport function create(options: Options): Store {\n  const limit: number = options.size;\n  return new MemoryStore(limit);\n}\n',
  javascript:
    'const path = require("path");\n\nfunction resolve(file) {\n  if (file === undefined) return null;\n  console.log(file);\n  return path.resolve(file);\n}\n\nmodule.exports = { resolve };\n',
  python:
    'import os\n\n\nclass Finder:\n    def __init__(self, root):\n        self.root = root\n\n    def find(self, name):\n        for entry in os.listdir(self.root):\n            if entry == name:\n                return entry\n        return None\n',
};

describe('detectContent names the language of code from syntax cues', () => {
  for (const [language, code] of Object.entries(SNIPPETS)) {
    it(`recognises ${language}`, () => {
      expect(detectContent(code)).toEqual({ kind: 'code', language });
    });
  }

  it('follows a file-name hint when the bytes fit several languages', () => {
    const plain = 'export function add(a, b) {\n  return a + b;\n}\n\nexport const zero = 0;\n';
    expect(detectContent(plain, { fileName: 'math.ts' })).toEqual({ kind: 'code', language: 'typescript' });
    expect(detectContent(plain)).toEqual({ kind: 'code', language: 'javascript' });
  });

  it('takes the name of the source file the caller hands it at its word, over sections it would split', () => {
    // A TypeScript test whose strings hold fenced blocks and file headers: read alone, a mixed block.
    const test = readFileSync(
      fileURLToPath(new URL('./detect-content-splits-mixed-blocks.test.ts', import.meta.url)),
      'utf8',
    );
    expect(detectContent(test).kind).toBe('mixed');
    expect(detectContent(test, { fileName: 'detect-content-splits-mixed-blocks.test.ts' })).toEqual({
      kind: 'code',
      language: 'typescript',
    });
    expect(detectContent(SNIPPETS.javascript as string, { fileName: 'resolve.ts' })).toEqual({
      kind: 'code',
      language: 'typescript',
    });
    expect(detectContent('\n\n', { fileName: 'empty.py' })).toEqual({ kind: 'text' });
  });
});
