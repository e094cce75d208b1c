import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import type { Compressor, CompressInput } from '../compressors/compressor.ts';
import { contentRef, findMarkers, formatMarker } from '../store/marker.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { createTokenRuler } from '../tokenize/token-ruler.ts';
import type { ContentKind, JsonObject } from '../types.ts';
import { canonicalFromBody, emitRequest, parseRequest } from './request/canonical-request.ts';
import type { CompressorRegistry } from './compressor-registry.ts';
import { compressRequest } from './compress-request.ts';
import { resolveEngineOptions } from './engine-options.ts';
import { createSession, type EngineSetup } from './engine-session.ts';
import { measureRequest } from './measure-request.ts';
import { retrieveToolDefinition } from './retrieve-tool-definition.ts';
import { codeSyntaxCheck } from '../compressors/code/code-compressor.ts';

const file = path.join(environment.sharedDir, 'reference', 'headroom-workloads', 'sre-incident-debugging-seed0.json');

/** A lossy double that keeps the first lines of a block and records every call. */
function headKeeper(calls: CompressInput[]): Compressor {
  return {
    name: 'head-keeper',
    kinds: ['json', 'text', 'log'],
    compress(input) {
      calls.push(input);
      const lines = input.text.split('\n');
      const ref = contentRef(input.text);
      return {
        text: `${lines.slice(0, 5).join('\n')}\n${formatMarker(ref, `${lines.length - 5} lines omitted`)}`,
        lossy: true,
        dropped: [{ ref, original: input.text }],
      };
    },
  };
}

const thrower: Compressor = {
  name: 'thrower',
  kinds: ['json'],
  compress: () => {
    throw new Error('boom');
  },
};
const grower: Compressor = {
  name: 'grower',
  kinds: ['json'],
  compress: (input) => ({ text: `${input.text}\n${input.text}`, lossy: false, dropped: [] }),
};

function registryWith(compressor: Compressor): CompressorRegistry {
  const kinds: ContentKind[] = ['json', 'code', 'log', 'search', 'diff', 'html', 'table', 'text', 'mixed'];
  return Object.fromEntries(
    kinds.map((k) => [k, compressor.kinds.includes(k) ? [compressor] : []]),
  ) as unknown as CompressorRegistry;
}

function setupWith(compressor: Compressor): EngineSetup {
  return {
    // The aligner's prompt_cache_key would be the one change to a request nothing was compressed in (cache-aligner tests).
    options: resolveEngineOptions({ minBlockTokens: 10, cacheAligner: false }),
    registry: registryWith(compressor),
    detect: (text) => ({
      kind: text.trimStart().startsWith('[') || text.trimStart().startsWith('{') ? 'json' : 'text',
    }),
    checkSyntax: codeSyntaxCheck,
    store: createMemoryStore(),
    ruler: createTokenRuler('o200k_base'),
    retrieveTool: retrieveToolDefinition,
  };
}

/** The reference request cut into the requests an agent would have sent: one per tool result. */
function steps(body: JsonObject): JsonObject[] {
  const messages = body.messages as JsonObject[];
  const cuts = messages.map((m, i) => (m.role === 'tool' ? i + 1 : -1)).filter((i) => i > 0);
  return [...cuts, messages.length].map((n) => ({ ...body, messages: messages.slice(0, n) }));
}

describe.skipIf(!existsSync(file))('compressRequest over a real SRE session', () => {
  // Read only when present: a skipped describe still runs its body to collect the tests.
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '{"messages":[]}';
  const body = JSON.parse(text) as JsonObject;

  it('compresses each tool result once, when it first appears, and sends the same bytes afterwards', async () => {
    const calls: CompressInput[] = [];
    const session = createSession(setupWith(headKeeper(calls)));
    const sent = new Map<string, string>();
    for (const step of steps(body)) {
      // Fresh objects each time, as a proxy parsing each request would have.
      const result = await compressRequest(canonicalFromBody(JSON.parse(JSON.stringify(step)) as JsonObject), session);
      for (const part of result.parts) {
        const key = part.part.path.join('.');
        if (sent.has(key)) expect(part.text).toBe(sent.get(key));
        sent.set(key, part.text);
      }
    }
    expect(calls).toHaveLength(3);
  });

  it('adds terse_retrieve with the first marker and keeps it in every later request', async () => {
    const session = createSession(setupWith(headKeeper([])));
    const [first, ...later] = steps(body);
    const before = await compressRequest(
      canonicalFromBody({ ...first!, messages: (first!.messages as JsonObject[]).slice(0, 2) }),
      session,
    );
    expect(before.edits.tools).toBeUndefined();
    for (const step of [first!, ...later]) {
      const result = await compressRequest(canonicalFromBody(step), session);
      expect(result.edits.tools?.some((t) => JSON.stringify(t).includes('terse_retrieve'))).toBe(true);
    }
  });

  it('stores every dropped original so each marker resolves to the exact bytes', async () => {
    const setup = setupWith(headKeeper([]));
    const session = createSession(setup);
    const result = await compressRequest(parseRequest(text), session);
    const measure = measureRequest(result, setup.ruler);
    const markers = result.parts.flatMap((p) => findMarkers(p.text));
    expect(markers).toHaveLength(3);
    for (const marker of markers) {
      const found = await session.store.get(marker.ref);
      expect(found.found && contentRef(found.original)).toBe(marker.ref);
    }
    const originals = parseRequest(text)
      .parts.filter((p) => p.compressible)
      .map((p) => p.text);
    for (const original of originals)
      expect(await session.store.get(contentRef(original))).toEqual({ found: true, original });
    // Another session of the same engine (the same store) sees none of them: markers are scoped.
    for (const original of originals)
      expect(await createSession(setup).store.get(contentRef(original))).toEqual({ found: false, reason: 'unknown' });
    expect(measure.tokensAfter).toBeLessThan(measure.tokensBefore);
  });

  it('fails open: a throwing compressor leaves every block as it was and is counted', async () => {
    const session = createSession(setupWith(thrower));
    const request = parseRequest(text);
    const result = await compressRequest(request, session);
    expect(result.stats.blocksChanged).toBe(0);
    expect(session.failures).toBe(3);
    expect(result.parts.filter((p) => p.outcome?.state === 'failed')).toHaveLength(3);
    expect(emitRequest(request, result.edits)).toBe(text);
  });

  it('never sends a larger block', async () => {
    const setup = setupWith(grower);
    const result = await compressRequest(parseRequest(text), createSession(setup));
    expect(measureRequest(result, setup.ruler).tokensAfter).toBe(measureRequest(result, setup.ruler).tokensBefore);
    expect(result.parts.filter((p) => p.outcome?.state === 'passed' && p.outcome.reason === 'no-gain')).toHaveLength(3);
  });

  it('leaves blocks of the cached prefix alone when it joins a session midway', async () => {
    const calls: CompressInput[] = [];
    const session = createSession(setupWith(headKeeper(calls)));
    session.previousMessageCount = (body.messages as JsonObject[]).length - 1;
    const result = await compressRequest(parseRequest(text), session);
    expect(calls).toHaveLength(0);
    expect(
      result.parts.filter((p) => p.outcome?.state === 'passed' && p.outcome.reason === 'cached-prefix'),
    ).toHaveLength(3);
  });

  it('passes excluded tools unchanged', async () => {
    const calls: CompressInput[] = [];
    const setup = {
      ...setupWith(headKeeper(calls)),
      options: resolveEngineOptions({ minBlockTokens: 10, excludeTools: ['search_*'] }),
    };
    const result = await compressRequest(parseRequest(text), createSession(setup));
    const names = result.parts.filter((p) => p.part.compressible).map((p) => p.part.toolName);
    expect(names).toEqual(['search_logs', 'database_query', 'search_files']);
    const excluded = result.parts.filter((p) => p.outcome?.state === 'passed' && p.outcome.reason === 'excluded-tool');
    expect(excluded.map((p) => p.part.toolName)).toEqual(['search_logs', 'search_files']);
    expect(calls).toHaveLength(1);
  });
});
