/**
 * Byte-faithful forwarding: only the rewritten string slots change, and `terse_retrieve` is inserted
 * after the client's last tool; every other byte range goes upstream with the client's SHA-256.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateContainerEnd, locateValues } from '../engine/request/json-spans.ts';
import { RETRIEVE_TOOL_ANTHROPIC, RETRIEVE_TOOL_OPENAI } from '../retrieve/retrieve-tool.ts';
import { findMarkers } from '../store/marker.ts';
import { startProxyHarness, TEST_API_KEY, type ProxyHarness } from '../testkit/proxy/proxy-harness.ts';
import { loadRecordedSession, SRE_SESSION } from '../testkit/proxy/recorded-session.ts';

const OUTPUT = loadRecordedSession(SRE_SESSION).toolOutputs[8]!;
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const bytesBefore = (text: string, offset: number): number => Buffer.byteLength(text.slice(0, offset), 'utf8');

let harness: ProxyHarness;
beforeAll(async () => {
  harness = await startProxyHarness();
});
afterAll(() => harness.close());

/** An Anthropic body a JSON round trip would damage: number spellings, big integers, escapes, key order, thinking. */
function anthropicSource(output: string): string {
  return `{"max_tokens":1.0e3,"model":"claude-mock","temperature":1.0,"metadata":{"user_id":"caf\\u00e9","seed":12345678901234567890},
  "system":[{"type":"text","text":"You are an SRE agent \\ud83d\\ude80","cache_control":{"type":"ephemeral"}}],
  "messages":[{"role":"user","content":"why does it fail? \\u00e9\\u00e8"},
    {"role":"assistant","content":[{"type":"thinking","thinking":"run the tests","signature":"EqQBCkgIARABGAIiQL+/sig=="},{"type":"tool_use","id":"toolu_1","name":"bash","input":{"command":"npm test","timeout":1e400,"retries":1.50}}]},
    {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":${JSON.stringify(output)}}]}],
  "tools":[{"name":"bash","description":"Run \\u0060bash\\u0060","input_schema":{"type":"object","properties":{"timeout":{"type":"number","maximum":1e400,"default":30.0}}}}]
}
`;
}

async function send(path: string, source: string, headers: Record<string, string>): Promise<Buffer> {
  const response = await fetch(`${harness.running.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: source,
  });
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  return harness.mock.requests.at(-1)!.body;
}

/**
 * Checks `sent` against `source`: the slot at `slotPath` may differ, the tool may be inserted where the
 * client's tools array ends, `member` (the cache aligner's) where the body ends, and every other range
 * must hash the same.
 */
function expectOnlySlotAndToolChanged(
  source: string,
  sent: Buffer,
  slotPath: readonly (string | number)[],
  tool: object,
  member = '',
): void {
  const client = Buffer.from(source, 'utf8');
  const sentText = sent.toString('utf8');
  const [slotStart, slotEnd] = locateValues(source, [slotPath]).get(slotPath.join('.'))!;
  const [sentSlotStart, sentSlotEnd] = locateValues(sentText, [slotPath]).get(slotPath.join('.'))!;
  const toolsEnd = locateContainerEnd(source, ['tools'])!.at;
  const inserted = Buffer.from(`,${JSON.stringify(tool)}`, 'utf8');
  const a = [bytesBefore(source, slotStart), bytesBefore(source, slotEnd), bytesBefore(source, toolsEnd)] as const;
  const b = [bytesBefore(sentText, sentSlotStart), bytesBefore(sentText, sentSlotEnd)] as const;
  const sentToolsAt = b[1] + (a[2] - a[1]);
  // Untouched ranges: before the slot, between the slot and the tools' end, after the inserted tool.
  expect(sha256(sent.subarray(0, b[0]))).toBe(sha256(client.subarray(0, a[0])));
  expect(sha256(sent.subarray(b[1], sentToolsAt))).toBe(sha256(client.subarray(a[1], a[2])));
  expect(sent.subarray(sentToolsAt, sentToolsAt + inserted.length).equals(inserted)).toBe(true);
  const bodyEnd = bytesBefore(source, locateContainerEnd(source, [])!.at);
  const tail = Buffer.concat([client.subarray(a[2], bodyEnd), Buffer.from(member, 'utf8'), client.subarray(bodyEnd)]);
  expect(sha256(sent.subarray(sentToolsAt + inserted.length))).toBe(sha256(tail));
  // The slot itself was rewritten, with a marker.
  expect(findMarkers(JSON.parse(sentText.slice(sentSlotStart, sentSlotEnd)) as string).length).toBeGreaterThan(0);
}

describe('byte-faithful forwarding', () => {
  it('Anthropic: 1.0, 1e400, big integers, \\u escapes, key order and the thinking signature go upstream as sent', async () => {
    const source = anthropicSource(OUTPUT);
    const sent = await send('/v1/messages', source, {
      'x-api-key': TEST_API_KEY,
      'anthropic-version': '2023-06-01',
      'x-terse-session': 'bytes-anthropic',
    });
    expectOnlySlotAndToolChanged(source, sent, ['messages', 2, 'content', 0, 'content'], RETRIEVE_TOOL_ANTHROPIC);
    expect(sent.toString('utf8').endsWith('}\n')).toBe(true);
  });

  it('OpenAI: the same, with the tool result as a tool message', async () => {
    const source = `{"model":"gpt-mock","temperature":1.0,"seed":9007199254740993,"messages":[
 {"role":"system","content":"You are an SRE agent \\u2013 terse"},{"role":"user","content":"why?"},
 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"bash","arguments":"{\\"timeout\\":1e400}"}}]},
 {"role":"tool","tool_call_id":"call_1","content":${JSON.stringify(OUTPUT)}}],
 "tools":[{"type":"function","function":{"name":"bash","parameters":{"type":"object","properties":{"timeout":{"type":"number","maximum":1e400}}}}}]}`;
    const sent = await send('/v1/chat/completions', source, {
      authorization: `Bearer ${TEST_API_KEY}`,
      'x-terse-session': 'bytes-openai',
    });
    // The cache aligner adds the session's prompt_cache_key as the body's last member, and nothing else.
    const key = (JSON.parse(sent.toString('utf8')) as { prompt_cache_key: string }).prompt_cache_key;
    expect(key).toMatch(/^terse-[0-9a-f]{24}$/);
    expectOnlySlotAndToolChanged(
      source,
      sent,
      ['messages', 3, 'content'],
      RETRIEVE_TOOL_OPENAI,
      `,"prompt_cache_key":"${key}"`,
    );
  });

  it('sends a request with nothing to compress byte for byte, whitespace and all', async () => {
    const source =
      '{ "model" : "claude-mock",\r\n\t"max_tokens": 1.0e3, "messages": [ {"role":"user","content":"hi \\u00e9"} ] }  \n';
    const sent = await send('/v1/messages', source, { 'x-api-key': TEST_API_KEY, 'anthropic-version': '2023-06-01' });
    expect(sent.equals(Buffer.from(source, 'utf8'))).toBe(true);
  });
});
