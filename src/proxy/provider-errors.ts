/** Errors the proxy itself answers, in the shape the client's SDK expects from its provider. */
import type { JsonObject, Provider } from '../types.ts';

/** What went wrong on the proxy's side of the request. */
export type ProxyErrorKind = 'invalid-request' | 'request-too-large' | 'upstream-unreachable' | 'internal';

const STATUS: Record<ProxyErrorKind, number> = {
  'invalid-request': 400,
  'request-too-large': 413,
  'upstream-unreachable': 502,
  internal: 500,
};

const ANTHROPIC_TYPE: Record<ProxyErrorKind, string> = {
  'invalid-request': 'invalid_request_error',
  'request-too-large': 'request_too_large',
  'upstream-unreachable': 'api_error',
  internal: 'api_error',
};

const OPENAI_TYPE: Record<ProxyErrorKind, string> = {
  'invalid-request': 'invalid_request_error',
  'request-too-large': 'invalid_request_error',
  'upstream-unreachable': 'server_error',
  internal: 'server_error',
};

/** The error body: Anthropic `{type:"error",error:{type,message}}`, OpenAI `{error:{message,type,param,code}}`. */
export function errorBody(provider: Provider, kind: ProxyErrorKind, message: string): JsonObject {
  const text = `terse proxy: ${message}`;
  return provider === 'anthropic'
    ? { type: 'error', error: { type: ANTHROPIC_TYPE[kind], message: text } }
    : { error: { message: text, type: OPENAI_TYPE[kind], param: null, code: null } };
}

/** A whole error response in the provider's shape. */
export function errorResponse(provider: Provider, kind: ProxyErrorKind, message: string): Response {
  return new Response(JSON.stringify(errorBody(provider, kind, message)), {
    status: STATUS[kind],
    headers: { 'content-type': 'application/json' },
  });
}
