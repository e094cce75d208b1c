/**
 * The engine's promise that code it sends parses no worse than it came holds for cross-turn repeats:
 * replayed through the engine, mini-swe-agent's real sphinx-9229 session re-reads slices of
 * `sphinx/ext/autodoc/__init__.py` it showed before, and every such re-read sent as pointers still
 * parses (judged by parsers the engine never touched), its pointers written as Python comments.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGrammarRegistry } from '../../compressors/code/grammar-registry.ts';
import { createSyntaxCheck } from '../../compressors/code/syntax-verdict.ts';
import { environment } from '../../config.ts';
import { loadTrace } from '../../bench/importers/load-session.ts';
import { requestsOf } from '../../bench/trace.ts';
import { canonicalFromBody } from '../request/canonical-request.ts';
import { compressRequest } from '../compress-request.ts';
import { createEngine } from '../create-engine.ts';
import { createSession } from '../engine-session.ts';

const file = path.join(
  environment.sharedDir,
  'corpus',
  'mini-swe-agent-trajs',
  'trajs',
  'sphinx-doc__sphinx-9229.traj.json',
);
const checker = createGrammarRegistry();
const judge = createSyntaxCheck(checker);
beforeAll(() => checker.prepare(['python']), 60_000);

/** What mini-swe-agent's `<output>` wrapper holds, and the rest of the text outside it. */
function inner(text: string): string | null {
  const match = /<output>\n([\s\S]*?)<\/output>/.exec(text);
  return match === null ? null : (match[1] as string);
}

describe.skipIf(!existsSync(file))('cross-turn repeats in code', () => {
  it("leave every re-read slice of a real session parsing, pointers written as Python's comments", async () => {
    const setup = await createEngine({ profile: 'balanced' });
    const session = createSession(setup);
    // The session as its requests went, mini-swe-agent's commands read as the tool calls they are.
    const trace = await loadTrace(file);
    let judged = 0;
    for (const { body } of requestsOf(trace)) {
      const result = await compressRequest(canonicalFromBody(body, trace.header.provider), session);
      for (const part of result.parts) {
        if (!part.decidedNow || part.outcome?.state !== 'compressed' || part.outcome.compressor !== 'repeats') continue;
        const before = inner(part.part.text);
        const after = inner(part.text);
        if (before === null || after === null || setup.detect(before).kind !== 'code') continue;
        expect(judge(before, after, 'python'), after).toBe('keeps');
        expect(after).toMatch(/^\s*(?:\.\.\. {2})?# \(lines \d+-\d+ repeat lines \d+-\d+ of /m);
        judged += 1;
      }
    }
    expect(judged).toBeGreaterThanOrEqual(3);
  });
});
