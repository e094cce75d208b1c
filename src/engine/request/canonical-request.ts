/**
 * A provider request held in canonical form: the parsed body, its parts, and (when it came as text)
 * the original bytes, so that what the engine does not change is forwarded byte for byte.
 */
import { InvalidRequestError } from '../../errors.ts';
import type { JsonObject, JsonPath, JsonValue, Provider, RequestPart } from '../../types.ts';
import { locateContainerEnd, locateValues, spliceValues } from './json-spans.ts';
import { detectProvider } from './provider-detect.ts';
import { MAX_JSON_DEPTH, tooDeepAt } from '../json-depth.ts';
import { isObject } from './raw-part.ts';
import { requestParts } from './request-parts.ts';

export interface CanonicalRequest {
  readonly provider: Provider;
  readonly body: JsonObject;
  /** The exact text the request arrived as, or null when it was built in memory. */
  readonly source: string | null;
  readonly parts: readonly RequestPart[];
}

/** A member added to an object of the body (a `cache_control` breakpoint, `prompt_cache_key`); the object must not have it yet. */
export interface MemberInsertion {
  /** The object's path (`[]` for the body itself). */
  readonly path: JsonPath;
  readonly key: string;
  readonly value: JsonValue;
}

/** New values for string leaves, keyed by `path.join('.')`, an optional new `tools` array, and members to add. */
export interface RequestEdits {
  readonly strings: ReadonlyMap<string, string>;
  readonly tools?: readonly JsonValue[];
  /** Inserted after the object's last member, in this order; nothing else of the object changes. */
  readonly members?: readonly MemberInsertion[];
}

/** True when the edits change nothing: the request goes as it came. */
export function editsAreEmpty(edits: RequestEdits): boolean {
  return edits.strings.size === 0 && edits.tools === undefined && (edits.members?.length ?? 0) === 0;
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
  // After the tools: a breakpoint may sit on one of the client's tool definitions.
  for (const { path, key, value } of edits.members ?? []) body = setAt(body, [...path, key], value);
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
function toolsInsertion(
  request: CanonicalRequest & { source: string },
  tools: readonly JsonValue[],
): { at: number; text: string } | null {
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
  if (editsAreEmpty(edits)) return request.source;
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
  // A list written whole carries its own members; every other member goes in by a zero-width splice.
  if (replaceTools)
    json.set(
      'tools',
      JSON.stringify(
        applyEdits(request, {
          strings: new Map(),
          tools: edits.tools,
          members: edits.members?.filter((m) => m.path[0] === 'tools') ?? [],
        }).tools,
      ),
    );
  (edits.members ?? []).forEach((member, i) => {
    if (replaceTools && member.path[0] === 'tools') return;
    const at = memberInsertion(request.source as string, member);
    if (at === null) return;
    json.set(`${INSERTED_MEMBER}${i}`, at.text);
    spans.set(`${INSERTED_MEMBER}${i}`, [at.at, at.at]);
  });
  if (insertion !== null) {
    // A zero-width span: the appended bytes go in, nothing of the client's is rewritten.
    json.set(INSERTED_TOOLS, insertion.text);
    spans.set(INSERTED_TOOLS, [insertion.at, insertion.at]);
  }
  return spliceValues(request.source, json, spans);
}

// Not path keys: path keys never start with a space.
const INSERTED_TOOLS = ' tools+';
const INSERTED_MEMBER = ' member+';

/** Where a new member goes (after the object's last one, whitespace before `}` kept) and its text; null when the path is no object. */
function memberInsertion(source: string, member: MemberInsertion): { at: number; text: string } | null {
  const end = locateContainerEnd(source, member.path);
  if (end === null || !end.object) return null;
  return { at: end.at, text: `${end.empty ? '' : ','}${JSON.stringify(member.key)}:${JSON.stringify(member.value)}` };
}
