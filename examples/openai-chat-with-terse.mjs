// terse in front of the openai SDK's Chat Completions: compress each request, and answer the model's
// terse_retrieve calls from the store until it replies with anything else. One session per conversation.
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

/** `client.chat.completions.create(body)` with terse between; a reply that also calls your tools comes back to you. */
export async function createCompletion(client, body) {
  for (;;) {
    const reply = await client.chat.completions.create(
      compressedBody(await compressRequest(canonicalFromBody(body, 'openai'), session)),
    );
    const message = reply.choices[0].message;
    const calls = message.tool_calls ?? [];
    if (calls.length === 0 || calls.some((call) => call.function.name !== RETRIEVE_TOOL_NAME)) return reply;
    const results = await Promise.all(
      calls.map(async (call) => ({
        role: 'tool',
        tool_call_id: call.id,
        content: retrieveResultText(await retrieve(session.store, call.function.arguments)),
      })),
    );
    body = { ...body, messages: [...body.messages, message, ...results] };
  }
}
