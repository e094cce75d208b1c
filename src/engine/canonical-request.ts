/**
 * A provider request held in canonical form: the parsed body, its parts, and (when it came as text)
 * the original bytes, so that what the engine does not change is forwarded byte for byte.
 */
import { InvalidRequestError } from '../errors.ts';
import type { JsonObject, JsonPath, JsonValue, Provider, RequestPart } from '../types.ts';
import { locateContainerEnd, locateValues, spliceValues } from './json-spans.ts';
import { detectProvider } from './provider-detect.ts';
import { MAX_JSON_DEPTH, tooDeepAt } from './json-depth.ts';
import { isObject } from './raw-part.ts';
import { requestParts } from './request-parts.ts';

export interface CanonicalRequest {
  readonly provider: Provider;
  readonly body: JsonObject;
  /** The exact text the request arrived as, or null when it was built in memory. */
  readonly source: string | null;
  readonly parts: readonly RequestPart[];
}

/** New values for string leaves, keyed by `path.join('.')`, plus an optional new `tools` array. */
export interface RequestEdits {
  readonly strings: ReadonlyMap<string, string>;
  readonly tools?: readonly JsonValue[];
}

/** Canonical form of a body already parsed (a trace's request). */
export function canonicalFromBody(body: JsonObject, provider?: Provider): CanonicalRequest {
  const resolved = provider ?? detectProvider(body);
  if (resolved === null) throw new InvalidRequestError('messages', 'missing or not an array');
  return { provider: resolved, body, source: null, parts: requestParts(resolved, body) };
}

/** Parses request text; malformed JSON or a body without `messages` is an InvalidRequestError. */
export function parseRequest(text: string, provider?: Provider): CanonicalRequest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidRequestError('(body)', `not JSON: ${(error as Error).message}`);
  }
  if (!isObject(value as JsonValue)) throw new InvalidRequestError('(body)', 'not a JSON object');
  // Refused here, where the bytes come in: every later step walks the body recursively.
  const deep = tooDeepAt(value as JsonValue);
  if (deep !== null) throw new InvalidRequestError(deep, `nested deeper than ${MAX_JSON_DEPTH} levels`);
  const canonical = canonicalFromBody(value as JsonObject, provider);
  return { ...canonical, source: text };
}

function setAt(value: JsonValue, path: readonly (string | number)[], leaf: JsonValue): JsonValue {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = value.slice();
    copy[head] = setAt(copy[head] as JsonValue, rest, leaf);
    return copy;
  }
  if (isObject(value) && head !== undefined) {
    return { ...value, [head]: setAt(value[String(head)] as JsonValue, rest, leaf) };
  }
  return value;
}

/** The body with the edits applied; untouched subtrees are shared, never copied or mutated. */
export function applyEdits(request: CanonicalRequest, edits: RequestEdits): JsonObject {
  const pathOf = new Map(request.parts.map((p) => [p.path.join('.'), p.path]));
  let body: JsonValue = request.body;
  for (const [key, text] of edits.strings) {
    const path = pathOf.get(key);
    if (path) body = setAt(body, path, text);
  }
  if (edits.tools) body = { ...(body as JsonObject), tools: [...edits.tools] };
  return body as JsonObject;
}

/** The tools `edits` appends to the request's own list, or null when it replaces the list instead. */
function appendedTools(request: CanonicalRequest, tools: readonly JsonValue[]): readonly JsonValue[] | null {
  const existing = request.body.tools;
  if (existing === undefined) return tools;
  if (!Array.isArray(existing) || tools.length < existing.length) return null;
  return existing.every((tool, i) => tools[i] === tool) ? tools.slice(existing.length) : null;
}

/**
 * Where appended tools go and the text inserted there: after the last element of the request's own
 * list (whose bytes, big integers and escapes included, stay as sent), or as a new member after the
 * body's last one. Null when the list must be written whole.
 */
function toolsInsertion(request: CanonicalRequest & { source: string }, tools: readonly JsonValue[]): { at: number; text: string } | null {
  const appended = appendedTools(request, tools);
  if (appended === null) return null;
  if (request.body.tools === undefined) {
    const end = locateContainerEnd(request.source, []);
    return end && { at: end.at, text: `${end.empty ? '' : ','}"tools":${JSON.stringify(appended)}` };
  }
  const end = locateContainerEnd(request.source, ['tools']);
  if (end === null) return null;
  const items = appended.map((tool) => JSON.stringify(tool)).join(',');
  return { at: end.at, text: appended.length === 0 ? '' : `${end.empty ? '' : ','}${items}` };
}

/** Writes the request with the edits: the original bytes with only the edited values spliced in. */
export function emitRequest(request: CanonicalRequest, edits: RequestEdits): string {
  if (request.source === null) return JSON.stringify(applyEdits(request, edits));
  if (edits.strings.size === 0 && !edits.tools) return request.source;
  const pathOf = new Map(request.parts.map((p) => [p.path.join('.'), p.path]));
  const paths: JsonPath[] = [];
  for (const key of edits.strings.keys()) {
    const path = pathOf.get(key);
    if (path) paths.push(path);
  }
  const insertion = edits.tools ? toolsInsertion({ ...request, source: request.source }, edits.tools) : null;
  const replaceTools = edits.tools !== undefined && insertion === null;
  const spans = locateValues(request.source, replaceTools ? [...paths, ['tools']] : paths);
  const json = new Map([...edits.strings].map(([key, text]) => [key, JSON.stringify(text)] as const));
  if (replaceTools) json.set('tools', JSON.stringify(edits.tools));
  if (insertion !== null) {
    // A zero-width span: the appended bytes go in, nothing of the client's is rewritten.
    json.set(INSERTED_TOOLS, insertion.text);
    spans.set(INSERTED_TOOLS, [insertion.at, insertion.at]);
  }
  return spliceValues(request.source, json, spans);
}

// Not a path key: path keys never start with a space.
const INSERTED_TOOLS = ' tools+';
