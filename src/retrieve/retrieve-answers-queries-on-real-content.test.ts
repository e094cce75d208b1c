import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { retrieve, retrieveResultText } from './retrieve.ts';
import type { RetrieveResult } from './retrieve.ts';

const HEADROOM = path.join(environment.sharedDir, 'reference', 'headroom-workloads');
const CODE_SEARCH = path.join(HEADROOM, 'code-search-100.json');
const SRE = path.join(HEADROOM, 'sre-incident-debugging-seed0.json');
const HADOOP_LOG = path.join(environment.sharedDir, 'corpus', 'loghub', 'Hadoop', 'Hadoop_2k.log');

interface OpenAiMessage {
  role: string;
  content: string;
}

/** The tool results of the reference SRE request, in order: log search, metrics query, file search. */
function sreToolResults(): string[] {
  const request = JSON.parse(readFileSync(SRE, 'utf8')) as { messages: OpenAiMessage[] };
  return request.messages.filter((message) => message.role === 'tool').map((message) => message.content);
}

/** The single tool result of the reference code search request: a compact JSON array of 100 hits. */
function codeSearchResult(): string {
  const request = JSON.parse(readFileSync(CODE_SEARCH, 'utf8')) as {
    messages: { content: string | { type: string; content?: string }[] }[];
  };
  const blocks = request.messages.flatMap((message) => (typeof message.content === 'string' ? [] : message.content));
  const result = blocks.find((block) => block.type === 'tool_result');
  if (typeof result?.content !== 'string') throw new Error(`${CODE_SEARCH}: no string tool_result`);
  return result.content;
}

function found(result: RetrieveResult): Extract<RetrieveResult, { state: 'found' }> {
  if (result.state !== 'found') throw new Error(`expected found, got ${retrieveResultText(result)}`);
  return result;
}

describe('terse_retrieve on real tool results', () => {
  const store = createMemoryStore();
  afterAll(() => store.close());

  it.skipIf(!existsSync(CODE_SEARCH))('keeps only the code search hits that mention every term', async () => {
    const original = codeSearchResult();
    const ref = await store.put(original);
    const result = found(await retrieve(store, { ref, query: 'Modal' }));
    const hits = JSON.parse(result.text) as { file: string }[];
    expect(result.matched).toEqual({ unit: 'items', count: 20, total: 100 });
    expect(hits.every((hit) => hit.file === 'src/components/Modal.tsx')).toBe(true);
    expect(retrieveResultText(result).split('\n')[0]).toBe('matched 20 of 100 items');
    const narrower = found(await retrieve(store, { ref, query: 'modal DEV1@company.com' }));
    expect(narrower.matched?.count).toBeGreaterThan(0);
    expect(narrower.matched?.count).toBeLessThan(20);
  });

  it.skipIf(!existsSync(SRE))('searches the largest nested array of a pretty-printed JSON result', async () => {
    const [logSearch, metrics] = sreToolResults();
    const logRef = await store.put(logSearch ?? '');
    const entries = (JSON.parse(logSearch ?? '') as { entries: { level: string; service: string }[] }).entries;
    const expected = entries.filter((entry) => {
      const json = JSON.stringify(entry).toLowerCase();
      return json.includes('error') && json.includes('payment');
    });
    const errors = found(await retrieve(store, { ref: logRef, query: '  ERROR   payment ' }));
    expect(errors.matched).toEqual({ unit: 'items', count: expected.length, total: 300 });
    expect(JSON.parse(errors.text)).toEqual(expected);

    // columns (9 names) and rows (200 objects) are both arrays: the query searches the larger one.
    const metricsRef = await store.put(metrics ?? '');
    const japan = found(await retrieve(store, { ref: metricsRef, query: '"country":"JP"' }));
    expect(japan.matched?.total).toBe(200);
    expect((JSON.parse(japan.text) as { country: string }[]).every((row) => row.country === 'JP')).toBe(true);
  });

  it.skipIf(!existsSync(HADOOP_LOG))('returns a CRLF log byte for byte without a query', async () => {
    const log = readFileSync(HADOOP_LOG, 'utf8');
    const ref = await store.put(log);
    const whole = found(await retrieve(store, { ref }));
    expect(whole.text).toBe(log);
    expect(whole.matched).toBeUndefined();
    expect(retrieveResultText(whole)).toBe(log);
  });

  it.skipIf(!existsSync(HADOOP_LOG))('numbers the matching log lines from 1, without their CR', async () => {
    const log = readFileSync(HADOOP_LOG, 'utf8');
    const ref = await store.put(log);
    const result = found(await retrieve(store, { ref, query: 'contacting RM' }));
    expect(result.matched).toEqual({ unit: 'lines', count: 147, total: 2000 });
    const lines = result.text.split('\n');
    expect(lines).toHaveLength(147);
    expect(lines[0]).toMatch(/^923: 2015-10-18 18:06:01,840 ERROR .*ERROR IN CONTACTING RM\. $/);
    const sourceLines = log.split('\r\n');
    for (const line of lines) {
      const [, number, text] = /^(\d+): (.*)$/s.exec(line) ?? [];
      expect(sourceLines[Number(number) - 1]).toBe(text);
    }
    expect(retrieveResultText(result).split('\n')[0]).toBe('147 of 2000 lines matched');
  });

  it.skipIf(!existsSync(HADOOP_LOG))('answers a query nothing matches with zero lines, not an error', async () => {
    const ref = await store.put(readFileSync(HADOOP_LOG, 'utf8'));
    const result = found(await retrieve(store, { ref, query: 'kubernetes' }));
    expect(result).toMatchObject({ text: '', matched: { unit: 'lines', count: 0, total: 2000 } });
  });
});
