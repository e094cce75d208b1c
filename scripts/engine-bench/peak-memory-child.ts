/**
 * Run in a fresh process (with --expose-gc) by peak-memory.ts: compresses the request in the file
 * named by argv and prints one JSON line of memory figures. A fresh process keeps the bench's own
 * garbage out of the figures.
 */
import { readFileSync } from 'node:fs';
import { canonicalFromBody } from '../../src/engine/canonical-request.ts';
import { compressRequest } from '../../src/engine/compress-request.ts';
import { createEngine } from '../../src/engine/create-engine.ts';
import { createSession } from '../../src/engine/engine-session.ts';
import { toolResultRequest } from '../../src/engine/invariants/tool-result-request.ts';
import type { JsonObject, Provider } from '../../src/types.ts';
import type { PeakMemory } from './peak-memory.ts';

const [file, provider] = process.argv.slice(2);
const gc = globalThis.gc;
if (file === undefined || (provider !== 'anthropic' && provider !== 'openai') || gc === undefined) {
  throw new Error('usage: node --expose-gc --import tsx peak-memory-child.ts <request.json> <anthropic|openai>');
}
const body = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;

// Load the tokenizer tables and grammars on a small block first: they are the process's, not the request's.
const warm = await createEngine({ profile: 'balanced' });
await compressRequest(canonicalFromBody(toolResultRequest('ERROR pool exhausted\n'.repeat(400))), createSession(warm));
const session = createSession(await createEngine({ profile: 'balanced' }));
gc();
gc();
const before = process.memoryUsage();
const highWaterBefore = process.resourceUsage().maxRSS * 1024;
const result = await compressRequest(canonicalFromBody(body, provider as Provider), session);
const highWaterAfter = process.resourceUsage().maxRSS * 1024;
const heapUnswept = process.memoryUsage().heapUsed;
gc();
const figures: PeakMemory = {
  rssBefore: before.rss,
  peakRssDelta: highWaterAfter - before.rss,
  peakAbovePriorHighWater: highWaterAfter > highWaterBefore,
  heapGrowthUnswept: heapUnswept - before.heapUsed,
  heapRetained: process.memoryUsage().heapUsed - before.heapUsed,
  blocksChanged: result.stats.blocksChanged,
  ms: result.stats.ms,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
