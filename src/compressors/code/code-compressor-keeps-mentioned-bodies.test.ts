import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { CompressContext } from '../compressor.ts';
import { codeCompressor, prepareCodeGrammars } from './code-compressor.ts';
import { FIXTURES_DIR } from './real-source-files.ts';

const ruler = createTokenRuler('o200k_base');
const context = (conversation: string): CompressContext => ({ profile: 'balanced', ruler, conversation });
const fixture = (name: string): string => readFileSync(path.join(FIXTURES_DIR, name), 'utf8');

beforeAll(() => prepareCodeGrammars(['java', 'go', 'tsx']));

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

  it('keeps every body of a mentioned class', () => {
    const result = codeCompressor.compress({ text: java, kind: 'code', language: 'java' }, context('look at InventoryService'));
    expect(result).toBeNull();
  });

  it('matches whole identifiers only', () => {
    const go = fixture('ring-cache.go');
    const expireBody = go.slice(go.indexOf('func (r *Ring) Expire'), go.indexOf('// Len is'));
    const outlined = codeCompressor.compress({ text: go, kind: 'code', language: 'go' }, context('the Expired list and Expires header'));
    expect(outlined!.text).not.toContain(expireBody);
    const kept = codeCompressor.compress({ text: go, kind: 'code', language: 'go' }, context('does `r.Expire(cutoff)` sort?'));
    expect(kept!.text).toContain(expireBody);
  });

  it('keeps a component function by name in tsx', () => {
    const tsx = fixture('order-table.tsx');
    const result = codeCompressor.compress({ text: tsx, kind: 'code', language: 'tsx' }, context('OrderTable renders nothing'));
    expect(result!.text).toContain('<th onClick={() => toggle(\'total\')}>Total</th>');
    expect(result!.text).toMatch(/let open = 0;\n\s+\/\/ \[\[terse:[0-9a-f]{16} lines \d+-\d+ omitted; calls: console\.debug\]\]/);
  });
});
