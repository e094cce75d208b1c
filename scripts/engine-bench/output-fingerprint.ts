/**
 * Proves a speed change left every engine output byte-identical (`npx tsx
 * scripts/engine-bench/output-fingerprint.ts [list-file]`): each compressible block of the headroom
 * and local suites goes through `compressText` under every profile, and every request of both suites
 * through `compressRequest`; one sha256 per profile is printed. With a file argument, one line per
 * block and request (`profile label sha256`) is written there, so two runs can be diffed to name
 * the culprit.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { requestsOf } from '../../src/bench/trace.ts';
import type { MeasuredBlockOutcome } from '../../src/engine/block-outcome.ts';
import { canonicalFromBody } from '../../src/engine/canonical-request.ts';
import { compressedBody, compressRequest } from '../../src/engine/compress-request.ts';
import { compressText } from '../../src/engine/compress-text.ts';
import { createEngine } from '../../src/engine/create-engine.ts';
import { createSession } from '../../src/engine/engine-session.ts';
import { measureRequest } from '../../src/engine/measure-request.ts';
import { headroomSuite, localSuite, type NamedSuiteBuild } from '../../src/engine/invariants/invariant-suites.ts';
import { suiteBlocks } from '../../src/engine/invariants/suite-blocks.ts';
import type { Profile } from '../../src/types.ts';

const PROFILES: readonly Profile[] = ['balanced', 'lossless', 'aggressive'];
// Outputs must not depend on how busy the machine is: no block may fail open on time.
const DEADLINE_MS = 600_000;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Everything an outcome says except its timing. */
function outcomeBytes(outcome: MeasuredBlockOutcome): string {
  const { ms: _ms, ...rest } = outcome;
  if (rest.state === 'compressed') return JSON.stringify({ ...rest, dropped: rest.dropped.map((d) => d.ref) });
  // The shape a passed or failed outcome had when it carried its own count, so fingerprints stay comparable.
  const { tokensBefore, tokensAfter: _after, ...kept } = rest;
  return JSON.stringify({ ...kept, tokens: tokensBefore });
}

async function blockLines(profile: Profile, suites: readonly NamedSuiteBuild[]): Promise<string[]> {
  const setup = await createEngine({ profile, deadlineMs: DEADLINE_MS });
  const lines: string[] = [];
  for (const { name, build } of suites) {
    if (build.state !== 'ready') continue;
    for (const block of suiteBlocks(name, build.traces)) {
      const outcome = await compressText(block.text, setup, { conversation: block.conversation });
      const by = outcome.state === 'compressed' ? outcome.compressor : outcome.state === 'passed' ? outcome.reason : 'failed';
      lines.push(`${profile} block ${block.suite}/${block.trace}/${block.path} ${outcome.kind ?? '-'}/${by} ${sha256(outcomeBytes(outcome))}`);
    }
  }
  return lines;
}

/** Every request of every trace, replayed in order through one session per trace. */
async function requestLines(profile: Profile, suites: readonly NamedSuiteBuild[]): Promise<string[]> {
  const lines: string[] = [];
  for (const { name, build } of suites) {
    if (build.state !== 'ready') continue;
    for (const trace of build.traces) {
      const setup = await createEngine({ profile, deadlineMs: DEADLINE_MS });
      const session = createSession(setup);
      for (const request of requestsOf(trace)) {
        const result = await compressRequest(canonicalFromBody(request.body, trace.header.provider), session);
        const { tokensBefore, tokensAfter, compressibleBefore, compressibleAfter } = measureRequest(result, setup.ruler);
        const { blocksChanged, markers, retrieveToolAdded } = result.stats;
        // The key order the stats had when the engine counted them, so fingerprints stay comparable.
        const stats = { tokensBefore, tokensAfter, compressibleBefore, compressibleAfter, blocksChanged, markers, retrieveToolAdded };
        lines.push(`${profile} request ${name}/${trace.header.id}#${request.index} ${sha256(JSON.stringify(compressedBody(result)) + JSON.stringify(stats))}`);
      }
    }
  }
  return lines;
}

const suites = [headroomSuite(), await localSuite()];
const all: string[] = [];
for (const profile of PROFILES) {
  const started = performance.now();
  const lines = [...(await blockLines(profile, suites)), ...(await requestLines(profile, suites))];
  all.push(...lines);
  const digest = sha256(lines.map((line) => line.slice(line.lastIndexOf(' ') + 1)).join('\n'));
  console.log(`${profile.padEnd(10)} ${digest} (${lines.length} outputs, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
const listFile = process.argv[2];
if (listFile !== undefined) writeFileSync(listFile, `${all.join('\n')}\n`);
