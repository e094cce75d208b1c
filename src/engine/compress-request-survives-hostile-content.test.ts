import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../errors.ts';
import { emitRequest, parseRequest } from './request/canonical-request.ts';
import { compressRequest } from './compress-request.ts';
import { createEngine } from './create-engine.ts';
import { createSession } from './engine-session.ts';
import { measureRequest } from './measure-request.ts';

function toolRequest(input: string, output: string): string {
  return (
    `{"model":"m","max_tokens":10,"messages":[{"role":"user","content":"go"},` +
    `{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"bash","input":${input}}]},` +
    `{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":${JSON.stringify(output)}}]}]}`
  );
}

describe('compressRequest on hostile content (issue 18)', () => {
  it('compresses, counts and emits 6 MB of letters with no white space without throwing', async () => {
    const setup = await createEngine({ profile: 'balanced' });
    const text = toolRequest('{"command":"cat blob"}', 'a'.repeat(6_000_000));
    const request = parseRequest(text);
    const result = await compressRequest(request, createSession(setup));
    const measure = measureRequest(result, setup.ruler);
    expect(measure.tokensAfter).toBeLessThanOrEqual(measure.tokensBefore);
    expect(JSON.parse(emitRequest(request, result.edits))).toBeTruthy();
  });

  it('refuses a tool_use input nested 5,000 levels with a named error that says which field', () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const error = (() => {
      try {
        parseRequest(toolRequest(deep, 'ok'));
        return null;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toMatch(/^messages\.1\.content\.0\.input\.a/);
    expect((error as InvalidRequestError).message).toMatch(/nested deeper than 1000 levels/);
  });

  it('takes 900 levels, deeper than any real request, as a request', () => {
    expect(parseRequest(toolRequest(`${'['.repeat(900)}${']'.repeat(900)}`, 'ok')).parts.length).toBeGreaterThan(0);
  });

  it.each([
    ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['20,000 nested objects', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`],
  ])(
    'sends a tool output of %s as it came, as not for the JSON compressors (before: each overflowed its stack, a counted failure)',
    async (_name, output) => {
      const setup = await createEngine({ profile: 'balanced' });
      const session = createSession(setup);
      const result = await compressRequest(parseRequest(toolRequest('{"command":"cat deep.json"}', output)), session);
      const block = result.parts.find((p) => p.part.type === 'tool_result');
      expect(block?.outcome?.state).not.toBe('failed');
      expect(session.failures).toBe(0);
    },
  );
});
