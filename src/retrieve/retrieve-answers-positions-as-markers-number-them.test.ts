import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { describePositions, parsePositionRanges, rangesOf, statedPositions } from './position-range.ts';
import { retrieve, retrieveResultText, type RetrieveResult } from './retrieve.ts';

const CODE_SEARCH = path.join(environment.sharedDir, 'reference', 'headroom-workloads', 'code-search-100.json');
const HADOOP_LOG = path.join(environment.sharedDir, 'corpus', 'loghub', 'Hadoop', 'Hadoop_2k.log');
// A real source file npm installs, printed the way `cat -n` prints it from line 101 on.
const SOURCE = path.join(environment.projectRoot, 'node_modules', 'commander', 'lib', 'command.js');

function catN(text: string, from: number, to: number): string {
  return text
    .split('\n')
    .slice(from - 1, to)
    .map((line, i) => `${String(from + i).padStart(6)}\t${line}`)
    .join('\n');
}

function found(result: RetrieveResult): Extract<RetrieveResult, { state: 'found' }> {
  if (result.state !== 'found') throw new Error(`expected found, got ${retrieveResultText(result)}`);
  return result;
}

describe('terse_retrieve by position', () => {
  const store = createMemoryStore();
  afterAll(() => store.close());

  it('answers lines of a cat -n view by the numbers it prints, rows as printed', async () => {
    const source = readFileSync(SOURCE, 'utf8');
    const view = catN(source, 101, 400);
    const ref = await store.put(view);
    const result = found(await retrieve(store, { ref, lines: '150-152' }));
    expect(result.text).toBe(catN(source, 150, 152));
    expect(result.matched).toEqual({ unit: 'lines', count: 3, total: 300 });
    const narrowed = found(await retrieve(store, { ref, lines: '101-400', query: 'this._helpConfiguration' }));
    expect(
      narrowed.text
        .split('\n')
        .every((row) => /^ *\d+\t/.test(row) && row.toLowerCase().includes('this._helpconfiguration')),
    ).toBe(true);
    expect(narrowed.matched?.count).toBe(3);
  });

  it.skipIf(!existsSync(HADOOP_LOG))(
    'answers lines of plain text by 1-based position, numbered like a query',
    async () => {
      const log = readFileSync(HADOOP_LOG, 'utf8');
      const ref = await store.put(log);
      const lines = log.split(/\r?\n/);
      const result = found(await retrieve(store, { ref, lines: '1000, 1999-2000' }));
      expect(result.text).toBe([`1000: ${lines[999]}`, `1999: ${lines[1998]}`, `2000: ${lines[1999]}`].join('\n'));
      expect(found(await retrieve(store, { ref, lines: 7 })).text).toBe(`7: ${lines[6]}`);
    },
  );

  it.skipIf(!existsSync(CODE_SEARCH))('answers items of a JSON original by 0-based position', async () => {
    const request = JSON.parse(readFileSync(CODE_SEARCH, 'utf8')) as {
      messages: { content: string | { type: string; content?: string }[] }[];
    };
    const blocks = request.messages.flatMap((m) => (typeof m.content === 'string' ? [] : m.content));
    const original = blocks.find((b) => b.type === 'tool_result')?.content ?? '';
    const hits = JSON.parse(original) as unknown[];
    const ref = await store.put(original);
    const result = found(await retrieve(store, { ref, items: '67-68' }));
    expect(result.text).toBe(`67: ${JSON.stringify(hits[67])}\n68: ${JSON.stringify(hits[68])}`);
    expect(result.matched).toEqual({ unit: 'items', count: 2, total: 100 });
    const logRef = await store.put('not json at all\n');
    expect(await retrieve(store, { ref: logRef, items: '0' })).toMatchObject({ state: 'invalid', field: 'items' });
  });

  it.each([
    [{ lines: '9-3' }, 'lines'],
    [{ lines: 'ten' }, 'lines'],
    [{ items: [1, 2] }, 'items'],
    [{ lines: '1', items: '1' }, 'items'],
  ])('answers %j with an invalid result naming the field', async (extra, field) => {
    const ref = await store.put('a\nb\n');
    const result = await retrieve(store, { ref, ...extra });
    expect(result).toMatchObject({ state: 'invalid', field });
    expect(retrieveResultText(result)).toMatch(/^terse_retrieve: invalid /);
  });
});

describe('position ranges as markers state them', () => {
  it('round-trips what describePositions writes through statedPositions', () => {
    const ranges = rangesOf([3, 4, 5, 9, 40, 41, 42, 88]);
    const text = describePositions('lines', ranges, 200);
    expect(text).toBe('lines 3-5, 9, 40-42, 88');
    expect(statedPositions(`${text} omitted`).lines).toEqual(ranges);
  });

  it('states a long list as its first ranges and the span of the rest, which still covers every position', () => {
    const positions = Array.from({ length: 300 }, (_, i) => i * 3);
    const text = describePositions('items', rangesOf(positions), 60);
    expect(text.length).toBeLessThanOrEqual(60);
    const stated = statedPositions(text).items;
    for (const p of positions) expect(stated.some((r) => p >= r.first && p <= r.last)).toBe(true);
  });

  it('reads no positions from descriptions that state none', () => {
    expect(statedPositions('85 of 100 rows omitted; retrieve with query')).toEqual({ lines: [], items: [] });
    expect(parsePositionRanges('1-2, x')).toBeNull();
  });
});
