import { describe, expect, it } from 'vitest';
import type { Compressor } from '../compressors/compressor.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { tokenFloor } from '../tokenize/token-floor.ts';
import { createTokenRuler, type TokenRuler } from '../tokenize/token-ruler.ts';
import type { ContentKind } from '../types.ts';
import { parseRequest } from './request/canonical-request.ts';
import type { CompressorRegistry } from './compressor-registry.ts';
import { compressRequest } from './compress-request.ts';
import { resolveEngineOptions } from './engine-options.ts';
import { createSession, type EngineSetup } from './engine-session.ts';
import { toolResultRequest } from '../testkit/invariants/tool-result-request.ts';
import { measureRequest } from './measure-request.ts';
import { retrieveToolDefinition } from './retrieve-tool-definition.ts';
import { codeSyntaxCheck } from '../compressors/code/code-compressor.ts';

const LOG = Array.from(
  { length: 200 },
  (_, i) =>
    `2024-05-01T08:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z ERROR payments pool exhausted (waiters=${i})`,
).join('\n');

/** A ruler double that records every text it is asked to count. */
function recordingRuler(counted: string[]): TokenRuler {
  const ruler = createTokenRuler('o200k_base');
  return { name: ruler.name, count: (text) => (counted.push(text), ruler.count(text)) };
}

const keepFirstLines: Compressor = {
  name: 'keep-first-lines',
  kinds: ['text'],
  compress: (input) => ({ text: input.text.split('\n').slice(0, 3).join('\n'), lossy: false, dropped: [] }),
};
const dropLastLine: Compressor = {
  name: 'drop-last-line',
  kinds: ['text'],
  compress: (input) => ({ text: input.text.split('\n').slice(0, -1).join('\n'), lossy: false, dropped: [] }),
};

function setupWith(compressor: Compressor, ruler: TokenRuler): EngineSetup {
  const kinds: ContentKind[] = ['json', 'code', 'log', 'search', 'diff', 'html', 'table', 'text', 'mixed'];
  const registry = Object.fromEntries(
    kinds.map((k) => [k, compressor.kinds.includes(k) ? [compressor] : []]),
  ) as unknown as CompressorRegistry;
  // No cache aligner: its breakpoints are weighed on the whole request's tokens (cache-aligner tests).
  return {
    options: resolveEngineOptions({ minBlockTokens: 10, cacheAligner: false }),
    registry,
    detect: () => ({ kind: 'text' }),
    checkSyntax: codeSyntaxCheck,
    store: createMemoryStore(),
    ruler,
    retrieveTool: retrieveToolDefinition,
  };
}

describe('compressRequest counts only what decides the output', () => {
  it('counts nothing when the output has fewer bytes than the input has tokens at least', async () => {
    const counted: string[] = [];
    const result = await compressRequest(
      parseRequest(JSON.stringify(toolResultRequest(LOG))),
      createSession(setupWith(keepFirstLines, recordingRuler(counted))),
    );
    const output = LOG.split('\n').slice(0, 3).join('\n');
    expect(Buffer.byteLength(output, 'utf8')).toBeLessThan(tokenFloor(LOG));
    expect(result.stats.blocksChanged).toBe(1);
    expect(counted).toEqual([]);
  });

  it('counts only the lines that changed when the output keeps most of the input, and never sends a larger block', async () => {
    const counted: string[] = [];
    const ruler = recordingRuler(counted);
    const result = await compressRequest(
      parseRequest(JSON.stringify(toolResultRequest(LOG))),
      createSession(setupWith(dropLastLine, ruler)),
    );
    const output = LOG.split('\n').slice(0, -1).join('\n');
    // Neither the input nor the output is counted whole: only the two last lines, as each text ends.
    const lines = LOG.split('\n');
    expect(counted).toEqual([lines[198], `${lines[198]}\n${lines[199]}`]);
    expect(ruler.count(output)).toBeGreaterThanOrEqual(tokenFloor(LOG));
    expect(result.stats.blocksChanged).toBe(1);
    expect(ruler.count(output)).toBeLessThan(ruler.count(LOG));
  });

  it('passes a block whose output is not fewer tokens, judged from the one line that differs', async () => {
    const counted: string[] = [];
    const same: Compressor = {
      name: 'pad',
      kinds: ['text'],
      compress: (input) => ({ text: `${input.text} `, lossy: false, dropped: [] }),
    };
    const result = await compressRequest(
      parseRequest(JSON.stringify(toolResultRequest(LOG))),
      createSession(setupWith(same, recordingRuler(counted))),
    );
    expect(result.stats.blocksChanged).toBe(0);
    expect(result.parts.find((p) => p.part.compressible)?.outcome).toMatchObject({
      state: 'passed',
      reason: 'no-gain',
    });
    const last = LOG.slice(LOG.lastIndexOf('\n') + 1);
    expect(counted).toEqual([`${last} `, last]);
  });

  it('leaves the report figures to measureRequest, which counts every part as sent', async () => {
    const ruler = createTokenRuler('o200k_base');
    const request = parseRequest(JSON.stringify(toolResultRequest(LOG)));
    const result = await compressRequest(request, createSession(setupWith(keepFirstLines, ruler)));
    const measure = measureRequest(result, ruler);
    const sum = (texts: readonly string[]): number => texts.reduce((total, text) => total + ruler.count(text), 0);
    expect(measure.parts.map((p) => p.result)).toEqual(result.parts);
    expect(measure.tokensBefore).toBe(sum(request.parts.map((p) => p.text)));
    expect(measure.tokensAfter).toBe(sum(result.parts.map((p) => p.text)));
    expect(measure.compressibleBefore).toBe(ruler.count(LOG));
    expect(measure.compressibleAfter).toBe(ruler.count(LOG.split('\n').slice(0, 3).join('\n')));
  });
});
