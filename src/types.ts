/** Shared vocabulary of terse: the words every layer uses (see DESIGN.md). */

/** What a block of content is, decided from its bytes by `detect/`. */
export type ContentKind = 'json' | 'code' | 'log' | 'search' | 'diff' | 'html' | 'table' | 'text' | 'mixed';

export const CONTENT_KINDS: readonly ContentKind[] = [
  'json',
  'code',
  'log',
  'search',
  'diff',
  'html',
  'table',
  'text',
  'mixed',
];

/** The wire format of a model request. */
export type Provider = 'anthropic' | 'openai';

/** A JSON value as parsed from the wire: nothing more is assumed about it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Location of a value inside a parsed request body, e.g. ["messages", 3, "content", 0, "content"]. */
export type JsonPath = readonly (string | number)[];

/** How far a compressor may go: `lossless` never leaves a marker. */
export type Profile = 'lossless' | 'balanced' | 'aggressive';

/** Who a piece of request content belongs to. */
export type PartRole = 'system' | 'tools' | 'user' | 'assistant' | 'tool';

/** What a piece of request content is, structurally. */
export type PartType = 'text' | 'tool_use' | 'tool_result' | 'thinking' | 'tool_definitions';

/**
 * One countable piece of a request: a string leaf of the body (or, for tool inputs and tool
 * definitions, the compact JSON of a value). Every token of the request belongs to exactly one part.
 */
export interface RequestPart {
  /** Where the value sits in the request body. */
  readonly path: JsonPath;
  readonly role: PartRole;
  readonly type: PartType;
  /** The text of the part: the string itself, or compact JSON for non-string values. */
  readonly text: string;
  /** True when `text` is a string leaf of the body that the engine may replace. */
  readonly isStringLeaf: boolean;
  /** Tool results and large user-attached blobs: what the engine may compress. */
  readonly compressible: boolean;
  /** Index into `messages`, or -1 for system prompt and tool definitions outside messages. */
  readonly messageIndex: number;
  /** Name of the tool that produced a tool result, when the request says so. */
  readonly toolName?: string;
  /** The id of the call a tool result answers (`tool_use_id`, `tool_call_id`), when the request says so. */
  readonly callId?: string;
}
