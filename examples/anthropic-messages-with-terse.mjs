// terse in front of @anthropic-ai/sdk: compress each request, and answer the model's terse_retrieve
// calls from the store until it replies with anything else. One session per conversation.
import {
  canonicalFromBody,
  compressRequest,
  compressedBody,
  createEngine,
  createSession,
  retrieve,
  retrieveResultText,
  RETRIEVE_TOOL_NAME,
} from 'terse';

export const session = createSession(await createEngine({ profile: 'balanced' }));

/** `client.messages.create(body)` with terse between; a reply that also calls your tools comes back to you. */
export async function createMessage(client, body) {
  for (;;) {
    const reply = await client.messages.create(
      compressedBody(await compressRequest(canonicalFromBody(body, 'anthropic'), session)),
    );
    const calls = reply.content.filter((block) => block.type === 'tool_use');
    if (calls.length === 0 || calls.some((call) => call.name !== RETRIEVE_TOOL_NAME)) return reply;
    const results = await Promise.all(
      calls.map(async (call) => ({
        type: 'tool_result',
        tool_use_id: call.id,
        content: retrieveResultText(await retrieve(session.store, call.input)),
      })),
    );
    body = {
      ...body,
      messages: [...body.messages, { role: 'assistant', content: reply.content }, { role: 'user', content: results }],
    };
  }
}
