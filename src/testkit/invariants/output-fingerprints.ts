/**
 * One sha256 per engine output over the blocks and requests of some suites (test and bench only): each
 * compressible block through `compressText`, and every request of each trace replayed in order
 * through one session. Two runs with equal fingerprints produced byte-identical outputs.
 */
import { createHash } from 'node:crypto';
import { requestsOf } from '../../bench/trace.ts';
import type { Profile } from '../../types.ts';
import type { MeasuredBlockOutcome } from '../../engine/block-outcome.ts';
import { canonicalFromBody } from '../../engine/request/canonical-request.ts';
import { compressedBody, compressRequest } from '../../engine/compress-request.ts';
import { compressText } from '../../engine/compress-text.ts';
import { createEngine, type CreateEngineOptions } from '../../engine/create-engine.ts';
import { createSession } from '../../engine/engine-session.ts';
import { measureRequest } from '../../engine/measure-request.ts';
import type { NamedSuiteBuild } from './invariant-suites.ts';
import { suiteBlocks } from './suite-blocks.ts';

/** One output: `profile block|request label sha256`, and what the engine did (blocks only). */
export interface OutputFingerprint {
  readonly line: string;
  readonly sha256: string;
  /** `kind/compressor`, `kind/reason` or `kind/failed` for a block; null for a request. */
  readonly by: string | null;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Everything an outcome says except its timing. */
function outcomeBytes(outcome: MeasuredBlockOutcome): string {
  const { ms: _ms, ...rest } = outcome;
  if (rest.state === 'compressed') return JSON.stringify({ ...rest, dropped: rest.dropped.map((d) => d.ref) });
  // The shape a passed or failed outcome had when it carried its own count, so fingerprints stay comparable.
  const { tokensBefore, tokensAfter: _after, ...kept } = rest;
  return JSON.stringify({ ...kept, tokens: tokensBefore });
}

async function blockFingerprints(
  profile: Profile,
  suites: readonly NamedSuiteBuild[],
  options: CreateEngineOptions,
): Promise<OutputFingerprint[]> {
  const setup = await createEngine({ ...options, profile });
  const out: OutputFingerprint[] = [];
  for (const { name, build } of suites) {
    if (build.state !== 'ready') continue;
    for (const block of suiteBlocks(name, build.traces)) {
      const outcome = await compressText(block.text, setup, { conversation: block.conversation });
      const by = `${outcome.kind ?? '-'}/${outcome.state === 'compressed' ? outcome.compressor : outcome.state === 'passed' ? outcome.reason : 'failed'}`;
      const digest = sha256(outcomeBytes(outcome));
      out.push({
        line: `${profile} block ${block.suite}/${block.trace}/${block.path} ${by} ${digest}`,
        sha256: digest,
        by,
      });
    }
  }
  return out;
}

/** Every request of every trace, replayed in order through one session per trace. */
async function requestFingerprints(
  profile: Profile,
  suites: readonly NamedSuiteBuild[],
  options: CreateEngineOptions,
): Promise<OutputFingerprint[]> {
  const out: OutputFingerprint[] = [];
  for (const { name, build } of suites) {
    if (build.state !== 'ready') continue;
    for (const trace of build.traces) {
      const setup = await createEngine({ ...options, profile });
      const session = createSession(setup);
      for (const request of requestsOf(trace)) {
        const result = await compressRequest(canonicalFromBody(request.body, trace.header.provider), session);
        const { tokensBefore, tokensAfter, compressibleBefore, compressibleAfter } = measureRequest(
          result,
          setup.ruler,
        );
        const { blocksChanged, markers, retrieveToolAdded } = result.stats;
        // The key order the stats had when the engine counted them, so fingerprints stay comparable.
        const stats = {
          tokensBefore,
          tokensAfter,
          compressibleBefore,
          compressibleAfter,
          blocksChanged,
          markers,
          retrieveToolAdded,
        };
        const digest = sha256(JSON.stringify(compressedBody(result)) + JSON.stringify(stats));
        out.push({
          line: `${profile} request ${name}/${trace.header.id}#${request.index} ${digest}`,
          sha256: digest,
          by: null,
        });
      }
    }
  }
  return out;
}

/** The fingerprints of every block, then every request, of `suites` under `profile`. */
export async function outputFingerprints(
  profile: Profile,
  suites: readonly NamedSuiteBuild[],
  options: CreateEngineOptions = {},
): Promise<OutputFingerprint[]> {
  return [
    ...(await blockFingerprints(profile, suites, options)),
    ...(await requestFingerprints(profile, suites, options)),
  ];
}

/** One digest over many fingerprints, in order. */
export function digestOf(fingerprints: readonly OutputFingerprint[]): string {
  return sha256(fingerprints.map((fingerprint) => fingerprint.sha256).join('\n'));
}
