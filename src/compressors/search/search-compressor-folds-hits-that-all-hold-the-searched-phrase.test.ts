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
  'sphinx-doc__sphinx-10673.traj.json',
);
const ruler = createTokenRuler('o200k_base');
const COMMAND = 'grep -r "toctree contains reference to nonexisting document" sphinx';

/** The agent's turn that ran the grep, and what the grep printed. */
function grepTurn(): { turn: string; output: string } {
  const messages = (JSON.parse(readFileSync(trajectory, 'utf8')) as { messages: { role: string; content: string }[] })
    .messages;
  const index = messages.findIndex((message) => message.role === 'assistant' && message.content.includes(COMMAND));
  const output = /<output>\n([\s\S]*)<\/output>/.exec(messages[index + 1]?.content ?? '')?.[1];
  if (output === undefined) throw new Error('grep output not found in the trajectory');
  return { turn: messages[index]?.content ?? '', output };
}

describe.skipIf(!existsSync(trajectory))(
  'search compressor on hits that all hold what the agent searched for (sphinx-10673)',
  () => {
    const { turn, output } = existsSync(trajectory) ? grepTurn() : { turn: '', output: '' };
    const compress = (conversation: string): string =>
      expectConformingResult(searchCompressor, output, 'search', { profile: 'balanced', ruler, conversation })?.text ??
      output;

    it('folds the translation files as far as with no conversation: the searched phrase tells no hit apart', () => {
      // The agent's own turn names the phrase ("nonexisting" is a term it would keep lines for), and every hit holds it.
      expect(turn).toContain('nonexisting');
      const matches = output.split('\n').filter((line) => /^sphinx\/[^:]+:/.test(line));
      expect(matches.length).toBeGreaterThan(50);
      expect(matches.every((line) => line.includes('nonexisting'))).toBe(true);
      const asked = compress(turn);
      expect(asked).toBe(compress(''));
      expect(ruler.count(asked)).toBeLessThan(ruler.count(output) / 3);
    });
  },
);
