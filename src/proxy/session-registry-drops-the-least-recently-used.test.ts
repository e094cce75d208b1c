import { describe, expect, it } from 'vitest';
import { canonicalFromBody } from '../engine/request/canonical-request.ts';
import { compressRequest } from '../engine/compress-request.ts';
import { createEngine } from '../engine/create-engine.ts';
import type { JsonObject } from '../types.ts';
import { decidedBytes, SessionRegistry } from './session-registry.ts';
import { bodyBringing, loadRecordedSession, SRE_SESSION } from '../testkit/proxy/recorded-session.ts';

const setup = await createEngine({ profile: 'balanced' });

describe('SessionRegistry', () => {
  it('keeps at most the session limit, dropping the least recently used', () => {
    const registry = new SessionRegistry(setup, { sessions: 2, bytes: Number.POSITIVE_INFINITY });
    const a = registry.acquire('a');
    registry.acquire('b');
    expect(registry.acquire('a')).toBe(a); // a is now more recently used than b
    registry.acquire('c');
    expect([...registry.all()].map((s) => s.key)).toEqual(['a', 'c']);
    expect(registry.acquire('b')).not.toBe(undefined);
    expect([...registry.all()].map((s) => s.key)).toEqual(['c', 'b']);
  });

  it('drops other sessions once their estimated bytes pass the bound, never the one in use', () => {
    const registry = new SessionRegistry(setup, { sessions: 100, bytes: 1_000 });
    const a = registry.acquire('a');
    registry.grew(a, 600);
    const b = registry.acquire('b');
    registry.grew(b, 600);
    expect([...registry.all()].map((s) => s.key)).toEqual(['b']);
    expect(registry.bytes).toBe(600);
    registry.grew(b, 5_000);
    expect([...registry.all()].map((s) => s.key)).toEqual(['b']);
  });

  it('estimates a real request at least as large as the originals its decisions keep', async () => {
    const session = loadRecordedSession(SRE_SESSION);
    const output = session.toolOutputs[8]!;
    const registry = new SessionRegistry(setup, { sessions: 10, bytes: Number.POSITIVE_INFINITY });
    const proxySession = registry.acquire('real');
    const compressed = await compressRequest(
      canonicalFromBody(bodyBringing(session, output) as JsonObject, 'anthropic'),
      proxySession.engine,
    );
    expect(decidedBytes(compressed)).toBeGreaterThanOrEqual(2 * output.length);
  });
});
