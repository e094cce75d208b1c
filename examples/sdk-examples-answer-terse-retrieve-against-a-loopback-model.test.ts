/**
 * The README's two SDK examples, run as written: the real @anthropic-ai/sdk and openai clients talk to
 * a model on loopback that asks for the first marker's original with terse_retrieve, then answers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../src/config.ts';
import { anthropicToOpenai } from '../src/bench/live/routes/openai/anthropic-to-openai.ts';
import { contentRef, findMarkers } from '../src/store/marker.ts';
import {
  startMockModelServer,
  type MockModelServer,
  type RecordedRequest,
} from '../src/testkit/proxy/mock-model-server.ts';
import type { JsonObject } from '../src/types.ts';

const EXAMPLES = path.join(environment.projectRoot, 'examples');
const TRACE = path.join(environment.projectRoot, 'traces', 'local', 'local-sre-node-runtime-failures.jsonl');

/** The trace's first request that carries ten tool outputs, as an Anthropic Messages body. */
function anthropicBody(): JsonObject {
  const lines = readFileSync(TRACE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JsonObject);
  const messages = lines.filter((line) => line.type === 'message').map((line) => line.message as JsonObject);
  return { ...(lines[0]?.request as JsonObject), messages: messages.slice(0, 21) };
}

type CreateMessage = (client: Anthropic, body: JsonObject) => Promise<Anthropic.Message>;
type CreateCompletion = (client: OpenAI, body: JsonObject) => Promise<OpenAI.ChatCompletion>;

let model: MockModelServer;
/** The original each retrieve call was answered with, found through the ref the model asked for. */
const asked: string[] = [];

beforeAll(async () => {
  model = await startMockModelServer();
  // The model's first turn asks for the original behind the first marker; its second answers.
  model.respond((request) => {
    const text = request.body.toString('utf8');
    const markers = findMarkers(text);
    const answered = text.includes('call_retrieve_1');
    if (answered || markers.length === 0) return { kind: 'turn', text: `done after ${model.requests.length} requests` };
    asked.push(markers[0]?.ref ?? '');
    return {
      kind: 'turn',
      text: 'Reading what was left out.',
      toolCalls: [{ id: 'call_retrieve_1', name: 'terse_retrieve', input: { ref: markers[0]?.ref ?? '' } }],
    };
  });
});

afterAll(() => model.close());

/** The tool result the second request carries, in either wire format. */
function toolResultOf(request: RecordedRequest): string {
  const messages = (request.json?.messages ?? []) as JsonObject[];
  const last = messages.at(-1);
  if (last?.role === 'tool') return String(last.content);
  const blocks = Array.isArray(last?.content) ? (last.content as JsonObject[]) : [];
  return String(blocks.find((block) => block.type === 'tool_result')?.content);
}

function expectRetrieveLoop(
  first: RecordedRequest,
  second: RecordedRequest,
  original: JsonObject,
  toolsKey: (tool: JsonObject) => string,
): void {
  expect(first.body.length).toBeLessThan(JSON.stringify(original).length);
  expect(((first.json?.tools ?? []) as JsonObject[]).map(toolsKey)).toContain('terse_retrieve');
  const ref = asked.at(-1) ?? '';
  // The model got back the exact bytes the marker stood for.
  expect(contentRef(toolResultOf(second))).toBe(ref);
  // The turns already sent went out the same the second time: the provider's cached prefix holds.
  const sentBefore = (first.json?.messages ?? []) as JsonObject[];
  expect(((second.json?.messages ?? []) as JsonObject[]).slice(0, sentBefore.length)).toEqual(sentBefore);
}

describe('the README examples around the provider SDKs', () => {
  it('anthropic: compresses the request, answers terse_retrieve from the store, returns the final reply', async () => {
    const { createMessage } = (await import(path.join(EXAMPLES, 'anthropic-messages-with-terse.mjs'))) as {
      createMessage: CreateMessage;
    };
    const start = model.requests.length;
    const body = anthropicBody();
    const reply = await createMessage(new Anthropic({ apiKey: 'test', baseURL: model.url, maxRetries: 0 }), body);
    expect(reply.stop_reason).toBe('end_turn');
    const [first, second] = model.requests.slice(start);
    expect(model.requests.length - start).toBe(2);
    expectRetrieveLoop(first as RecordedRequest, second as RecordedRequest, body, (tool) => String(tool.name));
  });

  it('openai: the same loop through Chat Completions, the tool arguments a JSON string', async () => {
    const { createCompletion } = (await import(path.join(EXAMPLES, 'openai-chat-with-terse.mjs'))) as {
      createCompletion: CreateCompletion;
    };
    const start = model.requests.length;
    const body = anthropicToOpenai(anthropicBody());
    const reply = await createCompletion(
      new OpenAI({ apiKey: 'test', baseURL: `${model.url}/v1`, maxRetries: 0 }),
      body,
    );
    expect(reply.choices[0]?.finish_reason).toBe('stop');
    const [first, second] = model.requests.slice(start);
    expect(model.requests.length - start).toBe(2);
    expectRetrieveLoop(first as RecordedRequest, second as RecordedRequest, body, (tool) =>
      String((tool.function as JsonObject).name),
    );
  });

  it('are the code the README shows, line for line', () => {
    const readme = readFileSync(path.join(environment.projectRoot, 'README.md'), 'utf8');
    for (const file of ['anthropic-messages-with-terse.mjs', 'openai-chat-with-terse.mjs']) {
      const code = readFileSync(path.join(EXAMPLES, file), 'utf8').replace(/^(\/\/.*\n)+/, '');
      expect(readme, file).toContain(code.trim());
    }
  });
});
