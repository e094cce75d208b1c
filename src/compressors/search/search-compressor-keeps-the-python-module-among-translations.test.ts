import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { searchCompressor } from './search-compressor.ts';

const trajectory = path.join(
  environment.sharedDir,
  'corpus',
  'mini-swe-agent-trajs',
  'trajs',
  'sphinx-doc__sphinx-9229.traj.json',
);
const ruler = createTokenRuler('o200k_base');

/** The output of the agent's `grep -r "alias of" sphinx`. */
function aliasOfGrep(): string {
  const messages = (JSON.parse(readFileSync(trajectory, 'utf8')) as { messages: { role: string; content: string }[] })
    .messages;
  const index = messages.findIndex(
    (message) => message.role === 'assistant' && message.content.includes('grep -r "alias of" sphinx'),
  );
  const output = /<output>\n([\s\S]*)<\/output>/.exec(messages[index + 1]?.content ?? '')?.[1];
  if (output === undefined) throw new Error('grep output not found in the trajectory');
  return output;
}

describe.skipIf(!existsSync(trajectory))('search compressor on the sphinx-9229 "alias of" grep', () => {
  const text = existsSync(trajectory) ? aliasOfGrep() : '';
  const autodoc = text.split('\n').filter((line) => line.startsWith('sphinx/ext/autodoc/__init__.py:'));

  it('is the real 127-line output, mostly translation files', () => {
    expect(text.split('\n').length).toBeGreaterThanOrEqual(125);
    expect(autodoc.length).toBe(4);
  });

  for (const profile of ['balanced', 'aggressive'] as const) {
    it(`keeps every autodoc/__init__.py hit inline and states true totals (${profile})`, () => {
      const result = expectConformingResult(searchCompressor, text, 'search', { profile, ruler, conversation: '' });
      const out = result?.text ?? '';
      expect(out).toContain('sphinx/ext/autodoc/__init__.py (4 matches)');
      for (const line of autodoc) expect(out).toContain(line.slice('sphinx/ext/autodoc/__init__.py:'.length));
      const matches = text.split('\n').filter((line) => /^sphinx\/[^:]+:/.test(line)).length;
      const files = new Set(
        text
          .split('\n')
          .filter((line) => /^sphinx\/[^:]+:/.test(line))
          .map((line) => line.slice(0, line.indexOf(':'))),
      ).size;
      expect(out.split('\n')[0]).toBe(`${matches} matches in ${files} files`);
      expect(ruler.count(out)).toBeLessThan(ruler.count(text) / 3);
    });
  }
});
