/**
 * When terse_retrieve enters a session's tool list, and that it never leaves it: a tool list that
 * changes mid-session busts every cached prefix (tools render first). Replayed on a real agent session.
 */
import { describe, expect, it } from 'vitest';
import { findMarkers } from '../store/marker.ts';
import { loadRecordedSession, SRE_SESSION } from '../testkit/proxy/recorded-session.ts';
import type { JsonObject } from '../types.ts';
import { compressRequest } from './compress-request.ts';
import { createEngine } from './create-engine.ts';
import type { EngineOptions } from './engine-options.ts';
import { createSession } from './engine-session.ts';
import { canonicalFromBody, emitRequest } from './request/canonical-request.ts';

const session = loadRecordedSession(SRE_SESSION);

interface Sent {
  readonly tools: readonly string[];
  readonly markers: number;
}

async function replay(bodies: readonly JsonObject[], options: Partial<EngineOptions>): Promise<Sent[]> {
  const setup = await createEngine({ profile: 'balanced', ...options });
  const engineSession = createSession(setup);
  const sent: Sent[] = [];
  for (const body of bodies) {
    const request = canonicalFromBody(body);
    const result = await compressRequest(request, engineSession);
    const emitted = emitRequest(request, result.edits);
    const tools = ((JSON.parse(emitted) as JsonObject).tools ?? []) as JsonObject[];
    sent.push({ tools: tools.map((tool) => String(tool.name)), markers: findMarkers(emitted).length });
  }
  return sent;
}

const declared = ((session.request.tools ?? []) as JsonObject[]).map((tool) => String(tool.name));

describe('terse_retrieve in a session', () => {
  it('is offered from an agent session’s first request and stays in every one, before and after the first markers', async () => {
    const sent = await replay(session.bodies, {});
    const firstMarked = sent.findIndex((s) => s.markers > 0);
    expect(declared.length).toBeGreaterThan(0);
    expect(firstMarked).toBeGreaterThan(1);
    for (const s of sent) expect(s.tools).toEqual([...declared, 'terse_retrieve']);
  });

  it('with retrieveToolFromStart off, comes with the first markers that repay it and never leaves after', async () => {
    const sent = await replay(session.bodies, { retrieveToolFromStart: false });
    const firstTool = sent.findIndex((s) => s.tools.includes('terse_retrieve'));
    expect(firstTool).toBeGreaterThan(0);
    expect(sent[firstTool]!.markers).toBeGreaterThan(0);
    sent.slice(0, firstTool).forEach((s) => expect(s.tools).toEqual(declared));
    sent.slice(firstTool).forEach((s) => expect(s.tools).toEqual([...declared, 'terse_retrieve']));
  });

  it('is not offered from the start to a conversation that declares no tools of its own', async () => {
    const bodies = session.bodies.map((body) => {
      const { tools: _tools, ...rest } = body;
      return rest;
    });
    const sent = await replay(bodies.slice(0, 1), {});
    expect(sent[0]).toEqual({ tools: [], markers: 0 });
  });

  it('is never offered by an engine that cannot write a marker (no compressor, no repeats: the none configuration)', async () => {
    const sent = await replay(session.bodies, { compressors: [], repeats: false });
    for (const s of sent) expect(s).toEqual({ tools: declared, markers: 0 });
  });
});
