/**
 * Adding a member (a `cache_control` breakpoint, `prompt_cache_key`) is a splice: the member goes in
 * after the object's last one and every other byte, big integers, escapes and whitespace included,
 * stays as the client sent it.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RETRIEVE_TOOL_ANTHROPIC } from '../retrieve/retrieve-tool.ts';
import type { JsonValue } from '../types.ts';
import { applyEdits, emitRequest, parseRequest } from './request/canonical-request.ts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const BREAKPOINT = { type: 'ephemeral' };

const SOURCE = `{"model": "claude-x", "max_tokens": 1.0e3, "metadata": {"seed": 12345678901234567890},
 "system": [ {"type": "text", "text": "caf\\u00e9 \\ud83d\\ude80"} ],
 "messages": [{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "long output"} ,
   {"type": "text", "text": "and?"}  ]}],
 "tools": [ {"name": "lookup", "input_schema": {"type": "object", "properties": {"id": {"maximum": 1e400}}}} ]
}
`;

describe('emitRequest inserting members', () => {
  it("splices a breakpoint after a block's last member and leaves the bytes before and after it alone", () => {
    const request = parseRequest(SOURCE, 'anthropic');
    const out = emitRequest(request, {
      strings: new Map(),
      members: [{ path: ['messages', 0, 'content', 1], key: 'cache_control', value: BREAKPOINT }],
    });
    const at = SOURCE.indexOf('"and?"') + '"and?"'.length;
    const inserted = ',"cache_control":{"type":"ephemeral"}';
    expect(out.slice(at, at + inserted.length)).toBe(inserted);
    expect(sha256(out.slice(0, at))).toBe(sha256(SOURCE.slice(0, at)));
    expect(sha256(out.slice(at + inserted.length))).toBe(sha256(SOURCE.slice(at)));
  });

  it('inserts several members, a replaced string and an appended tool in one pass, each where it belongs', () => {
    const request = parseRequest(SOURCE, 'anthropic');
    const tools = [...(request.body.tools as JsonValue[]), RETRIEVE_TOOL_ANTHROPIC as unknown as JsonValue];
    const edits = {
      strings: new Map([['messages.0.content.0.content', 'short']]),
      tools,
      members: [
        { path: ['system', 0], key: 'cache_control', value: BREAKPOINT },
        { path: ['messages', 0, 'content', 0], key: 'cache_control', value: BREAKPOINT },
        { path: [], key: 'prompt_cache_key', value: 'terse-abc' },
      ],
    };
    const out = emitRequest(request, edits);
    expect(JSON.parse(out)).toEqual(applyEdits(request, edits));
    // Only insertions and the one replaced string: removing them gives the source back.
    const restored = out
      .replace(/,"cache_control":\{"type":"ephemeral"\}/g, '')
      .replace(',"prompt_cache_key":"terse-abc"', '')
      .replace(`,${JSON.stringify(RETRIEVE_TOOL_ANTHROPIC)}`, '')
      .replace('"short"', '"long output"');
    expect(restored).toBe(SOURCE);
    expect(out).toContain('12345678901234567890');
    expect(out).toContain('1e400');
  });

  it('writes a member into an empty object without a comma, and skips a path that is no object', () => {
    const source = '{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],"metadata":{ }}';
    const request = parseRequest(source, 'anthropic');
    const out = emitRequest(request, {
      strings: new Map(),
      members: [
        { path: ['metadata'], key: 'k', value: 1 },
        { path: ['messages'], key: 'x', value: 2 },
      ],
    });
    expect(out).toBe('{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],"metadata":{"k":1 }}');
  });
});
