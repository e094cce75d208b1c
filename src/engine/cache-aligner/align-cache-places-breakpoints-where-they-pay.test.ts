import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalFromBody } from '../request/canonical-request.ts';
import { compressRequest } from '../compress-request.ts';
import { createEngine } from '../create-engine.ts';
import { createSession, type EngineSetup } from '../engine-session.ts';
import type { JsonObject } from '../../types.ts';

let setup: EngineSetup;
beforeAll(async () => {
  setup = await createEngine({ profile: 'balanced' });
});

const LONG = Array.from({ length: 900 }, (_, i) => `rule ${i}: answer in plain words`).join('\n');
const user = (text: string): JsonObject => ({ role: 'user', content: [{ type: 'text', text }] });
const assistant = (text: string): JsonObject => ({ role: 'assistant', content: [{ type: 'text', text }] });

describe('the cache aligner', () => {
  it('marks a long system prompt once, then the newest block once 4,096 tokens follow the last breakpoint', async () => {
    const session = createSession(setup);
    const system = [{ type: 'text', text: LONG }];
    const first = await compressRequest(
      canonicalFromBody({ model: 'claude-x', system, messages: [user('hi')] }, 'anthropic'),
      session,
    );
    expect(first.edits.members?.map((m) => m.path.join('.'))).toEqual(['system.0']);
    const messages = [user('hi'), assistant('ok'), user(LONG)];
    const second = await compressRequest(
      canonicalFromBody({ model: 'claude-x', system, messages }, 'anthropic'),
      session,
    );
    expect(second.edits.members?.map((m) => m.path.join('.'))).toEqual(['system.0', 'messages.2.content.0']);
    expect(second.stats.alignment).toMatchObject({ breakpoints: 2, breakpointsAdded: 1 });
    const third = await compressRequest(
      canonicalFromBody(
        { model: 'claude-x', system, messages: [...messages, assistant('ok'), user('and?')] },
        'anthropic',
      ),
      session,
    );
    expect(third.edits.members?.map((m) => m.path.join('.'))).toEqual(['system.0', 'messages.2.content.0']);
  });

  it('leaves a client that places its own breakpoints alone, and reports volatile values either way', async () => {
    const session = createSession(setup);
    const system = [{ type: 'text', text: `${LONG}\nToday is 2025-06-14.`, cache_control: { type: 'ephemeral' } }];
    const result = await compressRequest(
      canonicalFromBody({ model: 'claude-x', system, messages: [user(LONG)] }, 'anthropic'),
      session,
    );
    expect(result.edits.members).toBeUndefined();
    expect(result.stats.alignment?.volatile).toEqual([{ kind: 'date', text: '2025-06-14', where: 'system' }]);
  });

  it('is off when the options say so: no members, no alignment stats', async () => {
    const off = await createEngine({ profile: 'balanced', cacheAligner: false });
    const result = await compressRequest(
      canonicalFromBody(
        {
          model: 'gpt-x',
          messages: [
            { role: 'system', content: LONG },
            { role: 'user', content: 'hi' },
          ],
        },
        'openai',
      ),
      createSession(off),
    );
    expect(result.edits.members).toBeUndefined();
    expect(result.stats.alignment).toBeUndefined();
  });
});
