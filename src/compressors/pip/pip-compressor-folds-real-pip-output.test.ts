/**
 * Real `pip install` output from agent sessions (mini-swe-agent's sphinx-9229 reinstalling Sphinx,
 * SWE-agent's marshmallow-1867 installing its test extras): every requirement already satisfied is
 * still named with its version, on one line per site-packages path; every other line stays as
 * printed, in order; and the compressor conforms as the engine runs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { pipCompressor } from './pip-compressor.ts';
import { satisfiedRequirement } from './pip-report.ts';

const corpus = path.join(environment.sharedDir, 'corpus');
const ruler = createTokenRuler('o200k_base');

/** Every tool output of the two sessions that holds pip's report. */
function pipOutputs(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const mini = path.join(corpus, 'mini-swe-agent-trajs', 'trajs', 'sphinx-doc__sphinx-9229.traj.json');
  if (existsSync(mini)) {
    const messages = (JSON.parse(readFileSync(mini, 'utf8')) as { messages: { content: unknown }[] }).messages;
    for (const [index, message] of messages.entries())
      if (typeof message.content === 'string' && message.content.includes('Requirement already satisfied: '))
        found.push({ name: `sphinx-9229 #${index}`, text: message.content });
  }
  const swe = path.join(corpus, 'swe-agent-trajs', 'marshmallow-code__marshmallow-1867.default.traj.json');
  if (existsSync(swe)) {
    const steps = (JSON.parse(readFileSync(swe, 'utf8')) as { trajectory: { observation: string }[] }).trajectory;
    for (const [index, step] of steps.entries())
      if (step.observation.includes('Requirement already satisfied: '))
        found.push({ name: `marshmallow-1867 step ${index}`, text: step.observation });
  }
  return found;
}

const outputs = pipOutputs();

describe.skipIf(outputs.length === 0)('pip compressor on real pip install output', () => {
  it('names every satisfied requirement with its version and keeps every other line in order', () => {
    expect(outputs.length).toBeGreaterThanOrEqual(2);
    for (const { name, text } of outputs) {
      const result = expectConformingResult(pipCompressor, text, 'text', {
        profile: 'balanced',
        ruler,
        conversation: '',
      });
      expect(result, name).not.toBeNull();
      const out = result?.text ?? '';
      expect(findMarkers(out), name).toHaveLength(1);
      expect(ruler.count(out), name).toBeLessThan(ruler.count(text) * 0.6);
      const lines = text.split('\n');
      const requirements = lines.map((line, i) => satisfiedRequirement(line, i)).filter((r) => r !== null);
      expect(requirements.length, name).toBeGreaterThanOrEqual(10);
      const folded = out.split('\n').filter((line) => line.startsWith('Requirement already satisfied in '));
      for (const r of requirements)
        expect(
          folded.some((line) => line.includes(`${r.spec} (${r.version})`) && line.includes(r.path)),
          r.spec,
        ).toBe(true);
      // The rest, started steps aside, is the input's other lines in their order.
      const kept = out.split('\n').filter((line) => !folded.includes(line) && findMarkers(line).length === 0);
      const others = lines.filter((line, i) => satisfiedRequirement(line, i) === null && !/: started\s*$/.test(line));
      expect(
        kept.filter((line) => line !== ''),
        name,
      ).toEqual(others.filter((line) => line !== ''));
    }
  });

  it('leaves lossless alone, and output whose satisfied requirements come two at most in a row', () => {
    for (const { name, text } of outputs) {
      expect(
        pipCompressor.compress({ text, kind: 'text' }, { profile: 'lossless', ruler, conversation: '' }),
      ).toBeNull();
      // Every third requirement line moved to the end, under another path: no run of three is left.
      const lines = text.split('\n');
      const apart = lines.map((line, i) =>
        satisfiedRequirement(line, i) !== null && i % 3 === 0 ? line.replace(' in /', ' in /elsewhere/') : line,
      );
      const runs = apart.join('\n');
      const result = pipCompressor.compress(
        { text: runs, kind: 'text' },
        { profile: 'balanced', ruler, conversation: '' },
      );
      expect(result, name).toBeNull();
    }
  });
});
