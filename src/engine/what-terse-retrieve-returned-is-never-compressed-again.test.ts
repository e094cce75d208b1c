import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { retrieve, retrieveResultText } from '../retrieve/retrieve.ts';
import { RETRIEVE_TOOL_NAME } from '../retrieve/retrieve-tool.ts';
import { findMarkers } from '../store/marker.ts';
import type { JsonObject } from '../types.ts';
import { canonicalFromBody } from './request/canonical-request.ts';
import { compressRequest, compressedBody } from './compress-request.ts';
import { createEngine } from './create-engine.ts';
import { createSession } from './engine-session.ts';

const TRACE = path.join(environment.projectRoot, 'traces', 'local', 'local-sre-node-runtime-failures.jsonl');

describe('a terse_retrieve result in the next request', () => {
  it('goes to the model whole: the original the model asked for is not compressed again', async () => {
    const lines = readFileSync(TRACE, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as JsonObject);
    const messages = lines
      .filter((line) => line.type === 'message')
      .map((line) => line.message as JsonObject)
      .slice(0, 21);
    const body: JsonObject = { ...(lines[0]?.request as JsonObject), messages };
    const session = createSession(await createEngine({ profile: 'aggressive' }));
    const first = compressedBody(await compressRequest(canonicalFromBody(body, 'anthropic'), session));
    const marker = findMarkers(JSON.stringify(first))[0];
    expect(marker).toBeDefined();
    const original = retrieveResultText(await retrieve(session.store, { ref: marker?.ref }));
    const asked = {
      role: 'assistant',
      content: [
        { type: 'tool_use', id: 'toolu_retrieve', name: RETRIEVE_TOOL_NAME, input: { ref: marker?.ref ?? '' } },
      ],
    };
    const answered = {
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 'toolu_retrieve', content: original }],
    };
    const second = await compressRequest(
      canonicalFromBody({ ...body, messages: [...messages, asked, answered] }, 'anthropic'),
      session,
    );
    const result = second.parts.find((p) => p.part.toolName === RETRIEVE_TOOL_NAME && p.part.type === 'tool_result');
    expect(result?.outcome).toMatchObject({ state: 'passed', reason: 'excluded-tool' });
    expect(result?.text).toBe(original);
  });
});
