/**
 * Each provider's real SDK, driven the same way, so one case file runs the retrieve loop through both:
 * ask with a real tool output as the newest turn, whole or streamed, and report what the client saw.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import type { JsonObject, Provider } from '../../types.ts';
import type { RecordedRequest } from './mock-model-server.ts';
import type { ProxyHarness } from './proxy-harness.ts';

/** What the client got back. */
export interface ClientView {
  readonly text: string;
  readonly toolNames: readonly string[];
  readonly stop: string | null;
  readonly outputTokens: number | null;
}

export interface ClientUnderTest {
  readonly provider: Provider;
  /** Sends a conversation whose newest turn is `output`, as the tool result of a `bash` call. */
  ask(harness: ProxyHarness, session: string, output: string, stream: boolean): Promise<ClientView>;
  /** The tool results a request carries after the model's last turn (what answered its calls). */
  toolResults(request: RecordedRequest): string[];
}

const SYSTEM = 'You are an SRE agent. Use bash to inspect the service.';
const TASK = 'Why does the node runtime fail? Look at the test output.';

const anthropicClient: ClientUnderTest = {
  provider: 'anthropic',
  async ask(harness, session, output, stream) {
    const client = harness.anthropic({ 'x-terse-session': session });
    const params: Anthropic.MessageCreateParamsNonStreaming = {
      model: 'claude-mock',
      max_tokens: 1024,
      system: SYSTEM,
      tools: [
        {
          name: 'bash',
          description: 'Run a command',
          input_schema: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] },
        },
      ],
      messages: [
        { role: 'user', content: TASK },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_1', name: 'bash', input: { command: 'npm test' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: output }] },
      ],
    };
    const message = stream ? await client.messages.stream(params).finalMessage() : await client.messages.create(params);
    return {
      text: message.content.map((block) => (block.type === 'text' ? block.text : '')).join(''),
      toolNames: message.content.flatMap((block) => (block.type === 'tool_use' ? [block.name] : [])),
      stop: message.stop_reason,
      outputTokens: message.usage.output_tokens,
    };
  },
  toolResults(request) {
    const messages = (request.json?.messages ?? []) as JsonObject[];
    const last = messages.at(-1);
    if (last?.role !== 'user' || !Array.isArray(last.content)) return [];
    return (last.content as JsonObject[])
      .filter((block) => block.type === 'tool_result')
      .map((block) => String(block.content));
  },
};

const openaiClient: ClientUnderTest = {
  provider: 'openai',
  async ask(harness, session, output, stream) {
    const client = harness.openai({ 'x-terse-session': session });
    const params: OpenAI.ChatCompletionCreateParamsNonStreaming = {
      model: 'gpt-mock',
      tools: [
        {
          type: 'function',
          function: {
            name: 'bash',
            description: 'Run a command',
            parameters: { type: 'object', properties: { command: { type: 'string' } } },
          },
        },
      ],
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: TASK },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'bash', arguments: '{"command":"npm test"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: output },
      ],
    };
    const completion = stream
      ? await client.chat.completions
          .stream({ ...params, stream: true, stream_options: { include_usage: true } })
          .finalChatCompletion()
      : await client.chat.completions.create(params);
    const choice = completion.choices[0];
    return {
      text: choice?.message.content ?? '',
      toolNames: (choice?.message.tool_calls ?? []).flatMap((call) =>
        call.type === 'function' ? [call.function.name] : [],
      ),
      stop: choice?.finish_reason ?? null,
      outputTokens: completion.usage?.completion_tokens ?? null,
    };
  },
  toolResults(request) {
    const messages = (request.json?.messages ?? []) as JsonObject[];
    const lastAssistant = messages.map((m) => m.role).lastIndexOf('assistant');
    return messages
      .slice(lastAssistant + 1)
      .filter((m) => m.role === 'tool')
      .map((m) => String(m.content));
  },
};

/** Both SDKs. */
export const CLIENTS_UNDER_TEST: readonly ClientUnderTest[] = [anthropicClient, openaiClient];
