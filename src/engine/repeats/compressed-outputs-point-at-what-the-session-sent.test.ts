/**
 * After the compressors, a compressed output's long runs that the session already sent become lines
 * pointing there. Replayed through the engine, mini-swe-agent's real pylint-8898 session cuts two long
 * `cat` outputs, each under the same `<warning>`: the first keeps it, the second points at it; every
 * pointed run is, line for line, what the named earlier output sent at the lines named; the earlier
 * output goes on being sent byte for byte; the marker still gives the new output back whole; and code
 * around a pointer parses as the compressor left it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTrace } from '../../bench/importers/load-session.ts';
import { requestsOf } from '../../bench/trace.ts';
import { createGrammarRegistry } from '../../compressors/code/grammar-registry.ts';
import { createSyntaxCheck } from '../../compressors/code/syntax-verdict.ts';
import { environment } from '../../config.ts';
import { retrieve } from '../../retrieve/retrieve.ts';
import { findMarkers } from '../../store/marker.ts';
import { canonicalFromBody } from '../request/canonical-request.ts';
import { compressRequest } from '../compress-request.ts';
import { createEngine } from '../create-engine.ts';
import { createSession } from '../engine-session.ts';

const file = path.join(
  environment.sharedDir,
  'corpus',
  'mini-swe-agent-trajs',
  'trajs',
  'pylint-dev__pylint-8898.traj.json',
);
const checker = createGrammarRegistry();
const judge = createSyntaxCheck(checker);
beforeAll(() => checker.prepare(['python']), 60_000);

const POINTER = /^(?:\.\.\. {2}# )?\((\d+) lines repeat lines (\d+)-(\d+) of the output of call (\S+)\)$/;

describe.skipIf(!existsSync(file))('compressed outputs that repeat what the session sent', () => {
  it('point at the earlier output, line for line, and stay whole behind their marker', async () => {
    const setup = await createEngine({ profile: 'balanced' });
    const session = createSession(setup);
    const trace = await loadTrace(file);
    const sentBy = new Map<string, string>();
    let pointed = 0;
    let warnings = 0;
    for (const { body } of requestsOf(trace)) {
      const result = await compressRequest(canonicalFromBody(body, trace.header.provider), session);
      for (const part of result.parts) {
        const id = part.part.callId;
        if (id === undefined || part.outcome === null) continue;
        // An output sent before is sent again byte for byte.
        const before = sentBy.get(id);
        if (before !== undefined) {
          expect(part.text, id).toBe(before);
          continue;
        }
        sentBy.set(id, part.text);
        if (!part.decidedNow) continue;
        if (part.outcome.state !== 'compressed' || part.outcome.compressor === 'repeats') continue;
        if (part.text.includes('<warning>')) warnings += 1;
        const lines = part.text.split('\n');
        for (const line of lines) {
          const match = POINTER.exec(line);
          if (match === null) continue;
          const [count, from, to] = [Number(match[1]), Number(match[2]), Number(match[3])];
          expect(to - from + 1).toBe(count);
          const earlier = (sentBy.get(match[4] as string) ?? '').split('\n').slice(from - 1, to);
          expect(earlier).toHaveLength(count);
          // What the pointer stands for is in the new output's original, in that order.
          expect(part.part.text.includes(earlier.join('\n')), line).toBe(true);
          pointed += 1;
        }
        if (!lines.some((line) => POINTER.test(line))) continue;
        // The last marker holds the whole output.
        const marker = findMarkers(part.text).pop();
        expect(marker?.description).toMatch(/lines point at earlier outputs; the ref holds this output whole$/);
        expect(await retrieve(session.store, { ref: marker?.ref })).toEqual({
          state: 'found',
          ref: marker?.ref,
          text: part.part.text,
        });
        // The cut file's head parses no worse than it came: its pointer is a Python comment. (The
        // wrapper lines `<output_head>` sat in are pointed at with the warning above them.)
        const head = /<output_head>\n([\s\S]*?)<\/output_head>/.exec(part.part.text)?.[1];
        if (head === undefined) continue;
        const sentHead = part.text
          .slice(0, part.text.indexOf('</output_head>'))
          .split('\n')
          .filter((line) => !/^\(\d+ lines repeat /.test(line))
          .join('\n');
        expect(judge(head, sentHead, 'python')).toBe('keeps');
      }
    }
    // The session's first cut output keeps its warning; a later one points at it.
    expect(warnings).toBeGreaterThanOrEqual(1);
    expect(pointed).toBeGreaterThanOrEqual(2);
  });
});
