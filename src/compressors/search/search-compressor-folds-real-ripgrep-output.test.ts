import { spawnSync } from 'node:child_process';
import { rgPath } from '@vscode/ripgrep';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { HOSTILE_INPUTS } from '../../testkit/compressors/compressor-conformance.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { searchCompressor } from './search-compressor.ts';
import { fromHeadings, toHeadings } from './search-headings.ts';

const ruler = createTokenRuler('o200k_base');

function ripgrep(...args: string[]): string {
  return spawnSync(rgPath, ['-n', '--sort', 'path', '--max-columns', '240', ...args], {
    cwd: environment.projectRoot,
    encoding: 'utf8',
  }).stdout;
}

describe('search compressor on real ripgrep output over node_modules', () => {
  const flat = ripgrep('--no-heading', 'function \\w+|\\bencode\\b', 'node_modules/gpt-tokenizer/esm');
  const heading = ripgrep('--heading', 'function \\w+|\\bencode\\b', 'node_modules/gpt-tokenizer/esm');
  const context = ripgrep('--no-heading', '-C', '2', 'export function', 'node_modules/gpt-tokenizer/esm');

  it('turns flat output into headings losslessly, and back byte for byte', () => {
    const lossless = toHeadings(flat);
    expect(lossless).not.toBeNull();
    expect(fromHeadings(lossless ?? '')).toBe(flat);
    expect(fromHeadings(toHeadings(context) ?? '')).toBe(context);
    const result = expectConformingResult(searchCompressor, flat, 'search', {
      profile: 'lossless',
      ruler,
      conversation: '',
    });
    expect(result?.text).toBe(lossless);
  });

  for (const [name, text] of Object.entries({ flat, heading, context })) {
    for (const profile of ['balanced', 'aggressive'] as const) {
      it(`keeps every definition and counts every hit of ${name} output (${profile})`, () => {
        const result = expectConformingResult(searchCompressor, text, 'search', { profile, ruler, conversation: '' });
        const out = result?.text ?? '';
        const definitions = text
          .split('\n')
          .filter((line) => /^(?:\S+[:-])?\d+[:-]\s*(?:export )?(?:async )?function \w+/.test(line));
        for (const line of definitions) expect(out).toContain(line.replace(/^\S+?[:-](?=\d+[:-])/, ''));
        const header = /^(\d+) match(?:es)? in (\d+) files?$/.exec(out.split('\n')[0] ?? '');
        expect(header).not.toBeNull();
      });
    }
  }

  it('never throws on hostile input', () => {
    for (const hostile of HOSTILE_INPUTS) {
      for (const profile of ['lossless', 'balanced', 'aggressive'] as const)
        expectConformingResult(searchCompressor, hostile, 'search', { profile, ruler, conversation: '' });
    }
  });
});
