/** The request's tool list with `terse_retrieve` appended (in the provider's shape), unless it holds one already. */
import type { JsonValue } from '../types.ts';
import type { CanonicalRequest } from './request/canonical-request.ts';
import type { EngineSession } from './engine-session.ts';
import { isObject } from './request/raw-part.ts';

/** The name a tool definition carries, in either provider's shape. */
function toolName(tool: JsonValue): string | null {
  if (!isObject(tool)) return null;
  if (typeof tool.name === 'string') return tool.name;
  return isObject(tool.function) && typeof tool.function.name === 'string' ? tool.function.name : null;
}

export function withRetrieveTool(request: CanonicalRequest, session: EngineSession): readonly JsonValue[] | undefined {
  const tool = session.setup.retrieveTool(request.provider);
  const existing = Array.isArray(request.body.tools) ? request.body.tools : [];
  if (existing.some((t) => toolName(t) === toolName(tool))) return undefined;
  return [...existing, tool];
}
