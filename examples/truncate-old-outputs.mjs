// A request-level strategy for `terse bench --config module:examples/truncate-old-outputs.mjs`: it
// replaces the engine. Every tool output but the newest is cut to its first 10 lines, the rest stored
// behind a marker. It returns a new body and leaves the one it was given alone.
export const name = 'truncate-old-outputs';
export const version = '1.0.0';

/** Anthropic `tool_result` blocks and OpenAI `tool` messages whose content is a string, oldest first. */
function outputsOf(messages) {
  const found = [];
  messages.forEach((message, m) => {
    if (message.role === 'tool' && typeof message.content === 'string')
      found.push({ m, get: () => message.content, set: (text) => ({ ...message, content: text }) });
    if (message.role === 'user' && Array.isArray(message.content)) {
      message.content.forEach((block, b) => {
        if (block?.type !== 'tool_result' || typeof block.content !== 'string') return;
        found.push({
          m,
          get: () => block.content,
          set: (text) => ({
            ...message,
            content: message.content.map((x, i) => (i === b ? { ...block, content: text } : x)),
          }),
        });
      });
    }
  });
  return found;
}

export async function compressRequest(body, context) {
  const messages = [...body.messages];
  const outputs = outputsOf(messages).slice(0, -1);
  for (const output of outputs) {
    const lines = output.get().split('\n');
    if (lines.length <= 10) continue;
    const ref = await context.store(output.get());
    messages[output.m] = output.set(
      [...lines.slice(0, 10), context.marker(ref, `${lines.length - 10} more lines`)].join('\n'),
    );
  }
  return { ...body, messages };
}
