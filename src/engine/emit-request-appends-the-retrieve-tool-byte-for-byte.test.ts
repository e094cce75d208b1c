import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RETRIEVE_TOOL_ANTHROPIC, RETRIEVE_TOOL_OPENAI } from '../retrieve/retrieve-tool.ts';
import type { JsonValue } from '../types.ts';
import { emitRequest, parseRequest } from './request/canonical-request.ts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Tool definitions whose bytes JSON.parse + JSON.stringify would change: big integers, 1e400, 1.0, escapes. */
const CLIENT_TOOLS =
  '[ {"name": "lookup", "description": "caf\\u00e9 \\ud83d\\ude80", "input_schema": {"type": "object", "properties": {"id": {"type": "integer", "maximum": 12345678901234567890, "default": 1.0, "multipleOf": 1e400}}}} ,\n    {"name":"noop","input_schema":{"type":"object"}}  ]';

function anthropicBody(tools: string | null, tail = ''): string {
  const head =
    '{"model": "claude-x", "max_tokens": 1.0e3,\n "messages": [{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "long output"}]}]';
  return `${head}${tools === null ? '' : `,\n "tools": ${tools}`}${tail}`;
}

describe('emitRequest with the retrieve tool appended', () => {
  it('keeps every byte of the client tools array, big integers and escapes included, and inserts only the tool', () => {
    const source = anthropicBody(CLIENT_TOOLS, '\n}\n');
    const request = parseRequest(source, 'anthropic');
    const tools = [...(request.body.tools as JsonValue[]), RETRIEVE_TOOL_ANTHROPIC as unknown as JsonValue];
    const out = emitRequest(request, { strings: new Map(), tools });
    const at = source.lastIndexOf('}  ]') + 1;
    const inserted = `,${JSON.stringify(RETRIEVE_TOOL_ANTHROPIC)}`;
    expect(out.slice(at, at + inserted.length)).toBe(inserted);
    expect(sha256(out.slice(0, at))).toBe(sha256(source.slice(0, at)));
    expect(sha256(out.slice(at + inserted.length))).toBe(sha256(source.slice(at)));
    expect(out).toContain('12345678901234567890');
    expect(out).toContain('1e400');
    expect(out).toContain('caf\\u00e9 \\ud83d\\ude80');
    const parsed = JSON.parse(out) as { tools: { name: string }[] };
    expect(parsed.tools.map((t) => t.name)).toEqual(['lookup', 'noop', 'terse_retrieve']);
  });

  it('appends into an empty tools array without a leading comma', () => {
    const source = anthropicBody('[ ]', '}');
    const request = parseRequest(source, 'anthropic');
    const out = emitRequest(request, { strings: new Map(), tools: [RETRIEVE_TOOL_ANTHROPIC as unknown as JsonValue] });
    expect(out).toBe(source.replace('[ ]', `[${JSON.stringify(RETRIEVE_TOOL_ANTHROPIC)} ]`));
  });

  it('adds a tools member to a body without one and keeps the whitespace before and after its closing brace', () => {
    const source = anthropicBody(null, '\n  \n}\r\n');
    const request = parseRequest(source, 'anthropic');
    const out = emitRequest(request, { strings: new Map(), tools: [RETRIEVE_TOOL_ANTHROPIC as unknown as JsonValue] });
    const member = `,"tools":[${JSON.stringify(RETRIEVE_TOOL_ANTHROPIC)}]`;
    const at = source.lastIndexOf(']') + 1;
    expect(out).toBe(source.slice(0, at) + member + source.slice(at));
    expect(out.endsWith('\n  \n}\r\n')).toBe(true);
  });

  it('splices a rewritten tool result and the tool together, every other range unchanged (OpenAI)', () => {
    const source =
      '{"model":"gpt-x","temperature":1.0,"messages":[{"role":"user","content":"hi \\u00e9"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\\"n\\":1e400}"}}]},{"role":"tool","tool_call_id":"c1","content":"rows: 12345678901234567890"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"n":{"type":"number","maximum":1e400}}}}}],"seed":9007199254740993}';
    const request = parseRequest(source, 'openai');
    const target = request.parts.find((p) => p.compressible)!;
    const tools = [...(request.body.tools as JsonValue[]), RETRIEVE_TOOL_OPENAI as unknown as JsonValue];
    const out = emitRequest(request, {
      strings: new Map([[target.path.join('.'), 'rows: [[terse:0123456789abcdef kept]]']]),
      tools,
    });
    const oldSlot = JSON.stringify(target.text);
    const newSlot = JSON.stringify('rows: [[terse:0123456789abcdef kept]]');
    const slotAt = source.indexOf(oldSlot);
    const toolsAt = source.lastIndexOf('}]') + 1;
    const inserted = `,${JSON.stringify(RETRIEVE_TOOL_OPENAI)}`;
    const shift = newSlot.length - oldSlot.length;
    expect(sha256(out.slice(0, slotAt))).toBe(sha256(source.slice(0, slotAt)));
    expect(out.slice(slotAt, slotAt + newSlot.length)).toBe(newSlot);
    expect(sha256(out.slice(slotAt + newSlot.length, toolsAt + shift))).toBe(
      sha256(source.slice(slotAt + oldSlot.length, toolsAt)),
    );
    expect(out.slice(toolsAt + shift, toolsAt + shift + inserted.length)).toBe(inserted);
    expect(sha256(out.slice(toolsAt + shift + inserted.length))).toBe(sha256(source.slice(toolsAt)));
    expect(out.endsWith('"seed":9007199254740993}')).toBe(true);
  });

  it('writes the list whole only when the edit is not an append (a tools member that is not an array)', () => {
    const source = anthropicBody('null', '}');
    const request = parseRequest(source, 'anthropic');
    const out = emitRequest(request, { strings: new Map(), tools: [RETRIEVE_TOOL_ANTHROPIC as unknown as JsonValue] });
    expect(out).toBe(source.replace('"tools": null', `"tools": [${JSON.stringify(RETRIEVE_TOOL_ANTHROPIC)}]`));
  });
});
