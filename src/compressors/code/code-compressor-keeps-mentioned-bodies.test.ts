import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { CompressContext } from '../compressor.ts';
import { codeCompressor, prepareCodeGrammars } from './code-compressor.ts';
import { FIXTURES_DIR, trajectoryPythonFiles } from '../../testkit/code/real-source-files.ts';
import { environment } from '../../config.ts';

const ruler = createTokenRuler('o200k_base');
const context = (conversation: string): CompressContext => ({ profile: 'balanced', ruler, conversation });
const fixture = (name: string): string => readFileSync(path.join(FIXTURES_DIR, name), 'utf8');

beforeAll(() => prepareCodeGrammars(['java', 'go', 'tsx', 'python']));

// A real Python file an agent printed whole (pylint's lint/run.py), when the shared corpus is here.
const run = trajectoryPythonFiles(path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs')).find(
  (file) => file.name.endsWith(':pylint/lint/run.py'),
);

describe('code compressor keeps the bodies the conversation mentions', () => {
  const java = fixture('InventoryService.java');
  const applyBody = java.slice(java.indexOf('    public int apply('), java.indexOf('    /** SKUs whose level'));

  it('elides a long method nobody mentions', () => {
    const result = codeCompressor.compress({ text: java, kind: 'code', language: 'java' }, context(''));
    expect(result).not.toBeNull();
    expect(result!.text).not.toContain(applyBody);
    expect(result!.text).toContain('    public int apply(Movement movement) {\n');
  });

  it('keeps a method whose name the user wrote', () => {
    const result = codeCompressor.compress(
      { text: java, kind: 'code', language: 'java' },
      context('Why does apply() throw when the delta is negative?'),
    );
    expect(result).not.toBeNull();
    expect(result!.text).toContain(applyBody);
    // lowStock was not mentioned: still outlined.
    expect(result!.text).toMatch(/lowStock\(\) \{\n\s+\/\/ \[\[terse:/);
  });

  it('takes a plain word for a name in an earlier turn only when it is written as code; the latest turn counts every word', () => {
    const compress = (conversation: string, latest: string) =>
      codeCompressor.compress({ text: java, kind: 'code', language: 'java' }, { ...context(conversation), latest })
        ?.text ?? '';
    const latest = 'Now let me read the service.';
    // Prose an agent wrote many turns ago: "apply" is a word there, not the method.
    expect(compress(`I will apply the fix once I understand the stock levels.\n${latest}`, latest)).not.toContain(
      applyBody,
    );
    expect(compress(`The bug is in \`apply\`, it seems.\n${latest}`, latest)).toContain(applyBody);
    expect(compress(`It fails inside service.apply(movement).\n${latest}`, latest)).toContain(applyBody);
    expect(
      compress(`Some notes.\nWhat does apply do with a negative delta?`, 'What does apply do with a negative delta?'),
    ).toContain(applyBody);
    expect(compress(`The apply method looks wrong.\n${latest}`, latest)).toContain(applyBody);
  });

  it('keeps every body of a mentioned class', () => {
    const result = codeCompressor.compress(
      { text: java, kind: 'code', language: 'java' },
      context('look at InventoryService'),
    );
    expect(result).toBeNull();
  });

  it('matches whole identifiers only', () => {
    const go = fixture('ring-cache.go');
    const expireBody = go.slice(go.indexOf('func (r *Ring) Expire'), go.indexOf('// Len is'));
    const outlined = codeCompressor.compress(
      { text: go, kind: 'code', language: 'go' },
      context('the Expired list and Expires header'),
    );
    expect(outlined!.text).not.toContain(expireBody);
    const kept = codeCompressor.compress(
      { text: go, kind: 'code', language: 'go' },
      context('does `r.Expire(cutoff)` sort?'),
    );
    expect(kept!.text).toContain(expireBody);
  });

  it.skipIf(run === undefined)('keeps a dunder method only when its class is mentioned too', () => {
    const text = run!.text;
    const initBody = text.slice(
      text.indexOf('    def __init__('),
      text.indexOf('\n', text.indexOf('        self._rcfile')),
    );
    // No result means the file passes whole.
    const compress = (conversation: string) =>
      codeCompressor.compress({ text, kind: 'code', language: 'python' }, context(conversation))?.text ?? text;
    expect(compress('cat pylint/lint/run.py')).not.toContain(initBody);
    // Every class has an __init__: the name alone says nothing about this one.
    expect(compress('What does __init__ do with the rcfile?')).not.toContain(initBody);
    expect(compress('What does Run.__init__ do with the rcfile?')).toContain(initBody);
    // A slice that starts inside the class (`sed -n` from the method on) cannot say which class it is: the name alone counts.
    const slice = text.slice(text.indexOf('    def __init__('));
    const sliced = (conversation: string) =>
      codeCompressor.compress({ text: slice, kind: 'code', language: 'python' }, context(conversation))?.text ?? slice;
    expect(sliced('cat pylint/lint/run.py')).not.toContain(initBody);
    expect(sliced('What does __init__ do with the rcfile?')).toContain(initBody);
  });

  it('keeps a component function by name in tsx', () => {
    const tsx = fixture('order-table.tsx');
    const result = codeCompressor.compress(
      { text: tsx, kind: 'code', language: 'tsx' },
      context('OrderTable renders nothing'),
    );
    expect(result!.text).toContain("<th onClick={() => toggle('total')}>Total</th>");
    expect(result!.text).toMatch(
      /let open = 0;\n\s+\/\/ \[\[terse:[0-9a-f]{16} lines \d+-\d+ omitted; calls: console\.debug\]\]/,
    );
  });
});
