import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { InvalidRequestError } from '../../errors.ts';
import { emitRequest, parseRequest } from './canonical-request.ts';

const referenceDir = path.join(environment.sharedDir, 'reference', 'headroom-workloads');
const files = existsSync(referenceDir)
  ? readdirSync(referenceDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

describe.skipIf(files.length === 0)('canonical request on the published reference requests', () => {
  it.each(files)('%s: parse then write back yields the same bytes', (file) => {
    const text = readFileSync(path.join(referenceDir, file), 'utf8');
    const request = parseRequest(text);
    expect(request.provider).toBe(file.startsWith('code-search') ? 'anthropic' : 'openai');
    expect(emitRequest(request, { strings: new Map() })).toBe(text);
  });

  it.each(files)('%s: an edited tool result is spliced in and every other byte stays', (file) => {
    const text = readFileSync(path.join(referenceDir, file), 'utf8');
    const request = parseRequest(text);
    const results = request.parts.filter((p) => p.compressible);
    expect(results.length).toBeGreaterThan(0);
    const target = results[results.length - 1]!;
    const replacement = 'kept "quoted" line\nand \u2713 unicode';
    const out = emitRequest(request, { strings: new Map([[target.path.join('.'), replacement]]) });
    const again = parseRequest(out);
    const edited = again.parts.find((p) => p.path.join('.') === target.path.join('.'));
    expect(edited?.text).toBe(replacement);
    // Everything before the edited value is byte for byte the original.
    const at = text.indexOf(JSON.stringify(target.text).slice(0, 40));
    expect(at).toBeGreaterThan(0);
    expect(out.slice(0, at)).toBe(text.slice(0, at));
    // Every other part is unchanged.
    const others = (r: typeof request) =>
      r.parts.filter((p) => p.path.join('.') !== target.path.join('.')).map((p) => p.text);
    expect(others(again)).toEqual(others(request));
  });

  it('keeps fields it does not understand', () => {
    const text = readFileSync(path.join(referenceDir, 'code-search-100.json'), 'utf8').replace(
      '{',
      '{"x_unknown": {"nested": [1, 2.50, "\\u00e9"]},',
    );
    const request = parseRequest(text);
    const target = request.parts.find((p) => p.compressible)!;
    const out = emitRequest(request, { strings: new Map([[target.path.join('.'), 'short']]) });
    expect(out.startsWith('{"x_unknown": {"nested": [1, 2.50, "\\u00e9"]},')).toBe(true);
  });
});

describe('canonical request errors', () => {
  it('names what is wrong with a body that is not a request', () => {
    expect(() => parseRequest('{"model": "x"')).toThrow(InvalidRequestError);
    expect(() => parseRequest('[1,2]')).toThrow(/not a JSON object/);
    expect(() => parseRequest('{"model": "x"}')).toThrow(/request field messages/);
  });

  it('adds the tools member to a body that had none, keeping the rest', () => {
    const text = '{\n  "model": "m",\n  "messages": [{"role": "user", "content": "hi"}]\n}';
    const request = parseRequest(text);
    const out = emitRequest(request, { strings: new Map(), tools: [{ name: 't', input_schema: { type: 'object' } }] });
    expect(JSON.parse(out)).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      tools: [{ name: 't', input_schema: { type: 'object' } }],
    });
    expect(out.startsWith('{\n  "model": "m",\n  "messages": [{"role": "user", "content": "hi"}]')).toBe(true);
  });
});
