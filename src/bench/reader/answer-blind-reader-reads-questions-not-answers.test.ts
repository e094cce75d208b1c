import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { canonicalFromBody } from '../../engine/request/canonical-request.ts';
import { retrieve, retrieveResultText } from '../../retrieve/retrieve.ts';
import { resolveBenchConfig } from '../bench-config.ts';
import type { Probe } from '../probe.ts';
import type { ReplayStrategy } from '../strategy/replay-strategy.ts';
import { buildCodeSearchTrace } from '../../suites/headroom/code-search-workload.ts';
import { requestsOf, type Trace } from '../trace.ts';
import { planReaderCalls, readForQuestion, type RetrieveCall } from './answer-blind-reader.ts';
import type { ContextBlock } from './marker-sites.ts';
import { scopedStore } from '../../store/scoped-store.ts';

const opened: ReplayStrategy[] = [];
afterAll(async () => Promise.all(opened.map((s) => s.close())));

async function compressedBlocks(trace: Trace, config: string): Promise<{ blocks: ContextBlock[]; call: RetrieveCall }> {
  const strategy = await resolveBenchConfig(config).open({ tokenizer: 'o200k_base' });
  opened.push(strategy);
  const compress = strategy.newSession(trace.header.id);
  let blocks: ContextBlock[] = [];
  for (const request of requestsOf(trace)) {
    const compressed = await compress(canonicalFromBody(request.body, trace.header.provider));
    blocks = compressed.parts.map((p) => ({ text: p.text, messageIndex: p.part.messageIndex }));
  }
  const call: RetrieveCall = async (args) => {
    const result = await retrieve(scopedStore(strategy.store, trace.header.id), args);
    return {
      text: retrieveResultText(result),
      found: result.state === 'found' && (result.matched === undefined || result.matched.count > 0),
    };
  };
  return { blocks, call };
}

/** A probe whose answers cannot be read: touching them throws. */
function sealed(probe: Probe): Probe {
  return new Proxy(probe, {
    get(target, key, receiver) {
      if (key === 'answers') throw new Error('the reader read the answers');
      return Reflect.get(target, key, receiver);
    },
  });
}

describe('the answer-blind reader', () => {
  const { trace, probes } = buildCodeSearchTrace(0, 'final');
  const sizeProbe = probes.find((p) => p.id.endsWith('/late-size'));
  if (sizeProbe === undefined) throw new Error('code-search seed 0 has no late-size probe');

  it('plans and makes its calls from the question alone, never touching the answers', async () => {
    const { blocks, call } = await compressedBlocks(trace, 'balanced');
    const probe = sealed(sizeProbe);
    expect(() => planReaderCalls(probe, blocks)).not.toThrow();
    const calls = await readForQuestion(probe, blocks, call);
    // The question names a file and a line of the hits: one query on the hits' marker narrows to that hit.
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args.query?.split(' ')).toEqual(
      expect.arrayContaining(['size_bytes', sizeProbe.question.match(/line (\d+)/)?.[1]]),
    );
    expect(calls[0]?.answer.text).toMatch(/^matched 1 of 100 items\n/);
    expect(calls[0]?.answer.text).toContain(`"size_bytes":${sizeProbe.answers[0]}`);
  });

  it('finds nothing to ask behind markers that say nothing of what they hold', async () => {
    const { blocks, call } = await compressedBlocks(trace, 'drop-all');
    expect(blocks.some((b) => b.text.startsWith('[[terse:'))).toBe(true);
    for (const probe of probes) expect(await readForQuestion(sealed(probe), blocks, call)).toEqual([]);
  });

  it('asks for the lines a question names when a marker states it hides them', async () => {
    // A real source file printed by `cat -n` and outlined: its markers say which lines they hide.
    const source = readFileSync(
      path.join(environment.projectRoot, 'node_modules', 'commander', 'lib', 'command.js'),
      'utf8',
    ).split('\n');
    const view = source.map((line, i) => `${String(i + 1).padStart(6)}\t${line}`).join('\n');
    const session: Trace = {
      header: {
        version: 1,
        type: 'trace',
        id: 'cat-n',
        workload: 'exploration',
        provider: 'anthropic',
        request: { model: 'm', max_tokens: 1 },
        source: { format: 'test', file: 'cat-n' },
      },
      events: [
        { type: 'message', message: { role: 'user', content: 'Read command.js.' } },
        {
          type: 'message',
          message: {
            role: 'assistant',
            content: [{ type: 'tool_use', id: 't1', name: 'bash', input: { command: 'cat -n lib/command.js' } }],
          },
        },
        {
          type: 'message',
          message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: view }] },
        },
        { type: 'call' },
      ],
    };
    const { blocks, call } = await compressedBlocks(session, 'balanced');
    const outline = blocks.find((b) => b.text.includes('[[terse:'))?.text ?? '';
    const hidden = /lines (\d+)-(\d+) omitted/.exec(outline);
    expect(hidden).not.toBeNull();
    const line = Number(hidden?.[1]) + 1;
    const calls = await readForQuestion({ question: `What does line ${line} of lib/command.js say?` }, blocks, call);
    expect(calls[0]?.args).toEqual({ ref: expect.stringMatching(/^[0-9a-f]{16}$/), lines: String(line) });
    expect(calls[0]?.answer.text).toBe(
      `1 of ${source.length} lines matched\n${String(line).padStart(6)}\t${source[line - 1]}`,
    );
  });
});
