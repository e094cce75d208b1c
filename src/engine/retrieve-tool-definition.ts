/** The `terse_retrieve` definition in the shape of the request's provider. */
import { RETRIEVE_TOOL_ANTHROPIC, RETRIEVE_TOOL_OPENAI } from '../retrieve/retrieve-tool.ts';
import type { JsonObject, Provider } from '../types.ts';

export function retrieveToolDefinition(provider: Provider): JsonObject {
  return (provider === 'anthropic' ? RETRIEVE_TOOL_ANTHROPIC : RETRIEVE_TOOL_OPENAI) as unknown as JsonObject;
}
