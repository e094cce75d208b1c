/**
 * POST with the retry policy @anthropic-ai/sdk applies, for the route that has no SDK: 408, 409, 429
 * and 5xx (or `x-should-retry: true`), timeouts and dropped connections are retried; the server's
 * `retry-after-ms` / `retry-after` is waited when given, else 0.5 s doubling to 8 s, with jitter.
 */
import { ModelHttpError, ModelResponseError } from '../../../../errors.ts';

export interface RetryOptions {
  readonly maxRetries: number;
  /** Per attempt, body included. */
  readonly timeoutMs: number;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

function shouldRetry(response: Response): boolean {
  const header = response.headers.get('x-should-retry');
  if (header === 'true') return true;
  if (header === 'false') return false;
  return response.status === 408 || response.status === 409 || response.status === 429 || response.status >= 500;
}

/** What the server asked to wait, in ms, when it is a usable delay. */
function serverDelay(headers: Headers): number | null {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (ms > 0 && ms < 60_000) return ms;
  const seconds = Number.parseFloat(headers.get('retry-after') ?? '');
  if (seconds > 0 && seconds < 60) return seconds * 1000;
  return null;
}

function backoff(attempt: number): number {
  return Math.min(0.5 * 2 ** attempt, 8) * (1 - Math.random() * 0.25) * 1000;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts `body` to `url` and hands the response to `read` (inside the attempt, so a body that stalls
 * times out and is retried like a request that did). Resolves to what `read` returns.
 */
export async function postWithRetry<T>(
  url: string,
  headers: Record<string, string>,
  body: string,
  read: (response: Response) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= options.maxRetries;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (response.ok) return await read(response);
    } catch (error) {
      // A response that is not what it claims stays an error; only transport failures are retried.
      if (error instanceof ModelResponseError || last) throw error;
      await sleep(backoff(attempt));
      continue;
    }
    const text = await response.text().catch(() => '');
    if (last || !shouldRetry(response)) throw new ModelHttpError('openai', response.status, text);
    await sleep(serverDelay(response.headers) ?? backoff(attempt));
  }
}
