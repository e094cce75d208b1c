/**
 * SWE-agent refuses an edit that breaks the file's syntax and prints the linter's error, then two
 * windows of the file: how the edit would have looked and the original code. Sent through the engine
 * (the real observations of ../shared/corpus/swe-agent-trajs), the error line stays, windows large
 * enough to compress are outlined as code rather than thinned line by line, and every numbered row
 * sent is a row the observation printed with that number.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { findMarkers } from '../store/marker.ts';
import type { JsonObject } from '../types.ts';
import { compressRequest } from './compress-request.ts';
import { createEngine } from './create-engine.ts';
import { createSession, type EngineSetup } from './engine-session.ts';
import { canonicalFromBody, emitRequest } from './request/canonical-request.ts';

const dir = path.join(environment.sharedDir, 'corpus', 'swe-agent-trajs');
const ROW = /^(\d+):/;

function refusedEdits(): string[] {
  if (!existsSync(dir)) return [];
  const found = readdirSync(dir)
    .filter((n) => n.endsWith('.traj.json'))
    .sort()
    .flatMap((name) => {
      const traj = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { trajectory: { observation: string }[] };
      return traj.trajectory.map((step) => step.observation);
    })
    .filter((o) => o.includes('This is how your edit would have looked'));
  return [...new Set(found)];
}

async function sent(setup: EngineSetup, output: string): Promise<{ text: string; compressor: string | null }> {
  const request = canonicalFromBody({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    tools: [{ name: 'str_replace_editor', description: 'Edit a file.', input_schema: { type: 'object' } }],
    messages: [
      { role: 'user', content: 'Fix the rounding of TimeDelta serialization.' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_edit_1', name: 'str_replace_editor', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_edit_1', content: output }] },
    ],
  });
  const result = await compressRequest(request, createSession(setup));
  const body = JSON.parse(emitRequest(request, result.edits)) as JsonObject;
  const content = ((body.messages as JsonObject[])[2]?.content as JsonObject[])[0]?.content;
  const outcome = result.parts.find((p) => p.outcome !== null)?.outcome;
  return { text: String(content), compressor: outcome?.state === 'compressed' ? outcome.compressor : null };
}

const refused = refusedEdits();

describe.skipIf(refused.length === 0)('a refused SWE-agent edit, sent through the engine', () => {
  it('keeps the error, outlines the windows and sends only true rows', async () => {
    const setup = await createEngine({ profile: 'balanced' });
    expect(refused.length).toBeGreaterThanOrEqual(3);
    let outlined = 0;
    for (const observation of refused) {
      const { text, compressor } = await sent(setup, observation);
      const error = observation.split('\n').find((line) => /^- E\d+ /.test(line));
      expect(error, observation.slice(0, 200)).toBeDefined();
      expect(text.split('\n')).toContain(error);
      expect(text).not.toMatch(/^\(\.\.\. lines? [\d-]+ omitted\)$/m);
      if (compressor !== null) {
        expect(compressor).toMatch(/^mixed:.*(code|declarations)/);
        expect(findMarkers(text).length).toBeGreaterThan(0);
        outlined += 1;
      }
      const printed = new Set(observation.split('\n').filter((line) => ROW.test(line)));
      for (const row of text.split('\n').filter((line) => ROW.test(line))) expect(printed.has(row), row).toBe(true);
    }
    expect(outlined).toBeGreaterThanOrEqual(1);
  });
});
