import { describe, expect, it } from 'vitest';
import { requestsOf } from '../../../trace.ts';
import { localTrace } from '../../../../testkit/live/live-replay.ts';
import { anthropicToOpenai } from './anthropic-to-openai.ts';

describe('an Anthropic-form request in Chat Completions form', () => {
  it('keeps the system prompt, every tool call and every tool result, matched by id', async () => {
    const { trace } = await localTrace('local-code-search-grammar-rules');
    const last = [...requestsOf(trace)].at(-1)!;
    const out = anthropicToOpenai(last.body);
    const messages = out.messages as {
      role: string;
      content: string | null;
      tool_calls?: { id: string; function: { name: string; arguments: string } }[];
      tool_call_id?: string;
    }[];
    expect(messages[0]).toEqual({ role: 'system', content: trace.header.request.system });
    const calls = messages.flatMap((m) => m.tool_calls ?? []);
    const results = messages.filter((m) => m.role === 'tool');
    expect(calls.length).toBeGreaterThan(5);
    expect(results.map((m) => m.tool_call_id)).toEqual(calls.map((c) => c.id));
    expect(
      calls.every((c) => c.function.name === 'bash' && typeof JSON.parse(c.function.arguments).command === 'string'),
    ).toBe(true);
    // Every result's text arrives whole: the bytes the engine compressed or kept.
    const original = (last.body.messages as { content: unknown }[])
      .flatMap((m) => (Array.isArray(m.content) ? m.content : []))
      .filter((b: { type?: string }) => b.type === 'tool_result') as { content: string }[];
    expect(results.map((m) => m.content)).toEqual(original.map((b) => b.content));
    expect(out.tools).toEqual([
      { type: 'function', function: { name: 'bash', description: expect.any(String), parameters: expect.any(Object) } },
    ]);
  });
});
