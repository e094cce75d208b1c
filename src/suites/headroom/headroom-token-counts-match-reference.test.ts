/**
 * Each generated workload trace is within 5% of its reference request in o200k tokens. Both sides are
 * counted the same way: every countable part of the final request (message strings, text blocks,
 * tool results, tool call arguments, tool_use inputs as JSON, system prompt), tool definitions left
 * out as the published counts leave them out.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { requestParts } from '../../engine/request/request-parts.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { JsonObject, Provider } from '../../types.ts';
import { requestsOf, type Trace } from '../../bench/trace.ts';
import { HEADROOM_BUILDERS } from './build-headroom-suite.ts';
import type { HeadroomWorkload } from './headroom-published.ts';
import { REFERENCE_FOLDER, referenceFileFor } from './reference-files.ts';

const dir = path.join(environment.sharedDir, REFERENCE_FOLDER);
const ruler = createTokenRuler('o200k_base');

function contentTokens(provider: Provider, body: JsonObject): number {
  return requestParts(provider, body)
    .filter((part) => part.type !== 'tool_definitions')
    .reduce((sum, part) => sum + ruler.count(part.text), 0);
}

function lastRequest(trace: Trace): JsonObject {
  let body: JsonObject | undefined;
  for (const request of requestsOf(trace)) body = request.body;
  if (body === undefined) throw new Error(`${trace.header.id} has no call`);
  return body;
}

const cases = (Object.keys(HEADROOM_BUILDERS) as HeadroomWorkload[]).flatMap((workload) =>
  [0, 1, 2].map((seed) => ({ workload, seed })),
);

describe.skipIf(!existsSync(dir))('headroom generators match the reference requests in size', () => {
  it.each(cases)('$workload seed $seed is within 5% of its reference', ({ workload, seed }) => {
    const { trace } = HEADROOM_BUILDERS[workload](seed, 'final');
    const reference = JSON.parse(readFileSync(path.join(dir, referenceFileFor(workload, seed)), 'utf8')) as JsonObject;
    const generated = contentTokens(trace.header.provider, lastRequest(trace));
    const target = contentTokens(trace.header.provider, reference);
    expect(Math.abs(generated - target) / target, `${generated} tokens vs ${target}`).toBeLessThan(0.05);
  });
});
