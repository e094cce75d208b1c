/**
 * The `terse_retrieve` tool definition, in Anthropic and OpenAI shape. Its bytes are part of the
 * provider's cached prefix: change the wording only on purpose, and never per request.
 */

/** Name of the tool the engine adds to a request that carries a marker. */
export const RETRIEVE_TOOL_NAME = 'terse_retrieve';

/** What the model reads about the tool: short, and the same in every request. */
export const RETRIEVE_TOOL_DESCRIPTION =
  'Get the original content behind a [[terse:REF ...]] marker. Pass its ref; add lines or items ' +
  '(as the marker numbers them) and/or query to get only those lines or JSON items.';

/** JSON Schema of the tool's input: `{ ref, query? }`. */
export const RETRIEVE_TOOL_INPUT_SCHEMA = deepFreeze({
  type: 'object',
  properties: {
    ref: { type: 'string', description: 'The 16 hex characters after "terse:" in the marker.' },
    query: {
      type: 'string',
      description: 'Optional: only lines or items containing every space-separated term (case-insensitive).',
    },
    lines: { type: 'string', description: 'Optional line numbers as the marker gives them, e.g. "40-88".' },
    items: { type: 'string', description: 'Optional 0-based JSON item positions, e.g. "0-19".' },
  },
  required: ['ref'],
} as const);

/** The tool as an Anthropic Messages `tools` entry. */
export const RETRIEVE_TOOL_ANTHROPIC = deepFreeze({
  name: RETRIEVE_TOOL_NAME,
  description: RETRIEVE_TOOL_DESCRIPTION,
  input_schema: RETRIEVE_TOOL_INPUT_SCHEMA,
} as const);

/** The tool as an OpenAI Chat Completions `tools` entry. */
export const RETRIEVE_TOOL_OPENAI = deepFreeze({
  type: 'function',
  function: {
    name: RETRIEVE_TOOL_NAME,
    description: RETRIEVE_TOOL_DESCRIPTION,
    parameters: RETRIEVE_TOOL_INPUT_SCHEMA,
  },
} as const);

// Frozen all the way down: a caller that mutated a definition would silently bust every cache.
function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) deepFreeze(child as object);
  }
  return Object.freeze(value);
}
