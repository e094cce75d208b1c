/**
 * Which headers cross the proxy. Everything the client sends goes upstream as received (auth headers
 * included, never read or logged) except hop-by-hop headers, the ones the HTTP client sets itself,
 * and terse's own `x-terse-*`; upstream response headers come back the same way.
 */
/** Response headers as the HTTP client hands them over. */
export type UpstreamHeaders = Readonly<Record<string, string | string[] | undefined>>;

// RFC 9110 7.6.1 hop-by-hop headers, plus host and content-length (set by the HTTP client for the body it sends).
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
]);

/** Request headers for upstream; `identity` asks for an uncompressed body the proxy can read. */
export function upstreamRequestHeaders(
  headers: Headers,
  options: { readonly identity: boolean },
): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (NOT_FORWARDED.has(name) || name.startsWith('x-terse-')) return;
    out[name] = value;
  });
  if (options.identity) out['accept-encoding'] = 'identity';
  return out;
}

/** Response headers for the client; `bodyRewritten` drops the length and encoding of a body the proxy rewrote. */
export function clientResponseHeaders(headers: UpstreamHeaders, options: { readonly bodyRewritten: boolean }): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_FORWARDED.has(name)) continue;
    if (options.bodyRewritten && name === 'content-encoding') continue;
    if (Array.isArray(value)) for (const item of value) out.append(name, item);
    else out.set(name, value);
  }
  // A body passed through verbatim keeps its length: the client can tell a cut body from a whole one.
  if (!options.bodyRewritten && typeof headers['content-length'] === 'string')
    out.set('content-length', headers['content-length']);
  return out;
}
