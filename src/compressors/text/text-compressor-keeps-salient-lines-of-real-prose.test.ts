import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { HOSTILE_INPUTS } from '../../testkit/compressors/compressor-conformance.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { textCompressor } from './text-compressor.ts';

const issuesFile = path.join(environment.sharedDir, 'corpus', 'swebench-issues', 'swebench_lite_dev.json');
const ruler = createTokenRuler('o200k_base');

interface Issue {
  readonly instance_id: string;
  readonly problem_statement: string;
}

describe.skipIf(!existsSync(issuesFile))('text compressor on real SWE-bench issue bodies', () => {
  const issues = existsSync(issuesFile) ? (JSON.parse(readFileSync(issuesFile, 'utf8')) as Issue[]) : [];

  it('conforms in every profile, and balanced keeps more than aggressive', () => {
    let balancedTotal = 0;
    let aggressiveTotal = 0;
    for (const issue of issues) {
      const text = issue.problem_statement;
      expect(
        expectConformingResult(textCompressor, text, 'text', { profile: 'lossless', ruler, conversation: '' }),
      ).toBeNull();
      const balanced = expectConformingResult(textCompressor, text, 'text', {
        profile: 'balanced',
        ruler,
        conversation: '',
      });
      const aggressive = expectConformingResult(textCompressor, text, 'text', {
        profile: 'aggressive',
        ruler,
        conversation: '',
      });
      balancedTotal += ruler.count(balanced?.text ?? text);
      aggressiveTotal += ruler.count(aggressive?.text ?? text);
    }
    expect(aggressiveTotal).toBeLessThan(balancedTotal);
  });

  it('keeps headings, the title, exception lines and kept lines byte-exact in order', () => {
    for (const issue of issues) {
      const text = issue.problem_statement;
      const out = textCompressor.compress(
        { text, kind: 'text' },
        { profile: 'aggressive', ruler, conversation: '' },
      )?.text;
      if (out === undefined) continue;
      const lines = text.split('\n');
      const title = lines.find((line) => line.trim().length > 0);
      expect(out.startsWith(title ?? '')).toBe(true);
      for (const heading of lines.filter((line) => /^#{1,6} /.test(line))) expect(out.split('\n')).toContain(heading);
      const exception = lines.filter((line) => /^\w*(?:Error|Exception): /.test(line));
      for (const line of exception) expect(out.split('\n')).toContain(line);
      let cursor = 0;
      for (const line of out
        .split('\n')
        .filter((l) => l.length > 0 && !l.startsWith('(... ') && !l.startsWith('[[terse:'))) {
        const at = lines.indexOf(line, cursor);
        expect(at, line).toBeGreaterThanOrEqual(cursor);
        cursor = at + 1;
      }
    }
  });

  it('keeps the lines that answer what the conversation asks', () => {
    const issue = issues.find((candidate) => candidate.instance_id === 'pydicom__pydicom-1413');
    const text = issue?.problem_statement ?? '';
    const line = text.split('\n').find((candidate) => candidate.includes('OL'));
    expect(line).toBeDefined();
    const out =
      textCompressor.compress(
        { text, kind: 'text' },
        { profile: 'aggressive', ruler, conversation: 'Which VR triggers the error? Look at OL' },
      )?.text ?? text;
    expect(out.split('\n')).toContain(line);
  });
});

describe('text compressor on hostile input', () => {
  it('never throws and never grows', () => {
    const repeated = 'The same sentence about nothing in particular, said again and again.\n'.repeat(500);
    for (const text of [...HOSTILE_INPUTS, repeated]) {
      for (const profile of ['lossless', 'balanced', 'aggressive'] as const)
        expectConformingResult(textCompressor, text, 'text', { profile, ruler, conversation: '' });
    }
  });
});
