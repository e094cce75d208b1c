/**
 * `--config proxy:URL`: every request of a trace goes through a compressing proxy running elsewhere
 * (any Anthropic- or OpenAI-compatible one), whose upstream is the bench's capture server. What the
 * proxy sent upstream is measured as any strategy's output (laid over the request by path). Its own
 * markers resolve only in its own store, so offline the reader finds nothing behind them: fidelity
 * behind a proxy's markers is measured live, with the model talking through the proxy.
 */
import { randomUUID } from 'node:crypto';
import { canonicalFromBody } from '../../engine/request/canonical-request.ts';
import { createMemoryStore } from '../../store/memory-store.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { JsonObject } from '../../types.ts';
import { failedRequest, laidOver } from '../strategy/laid-over.ts';
import type { OpenStrategy } from '../strategy/replay-strategy.ts';
import { startCaptureUpstream } from './capture-upstream.ts';

/** The header terse's proxy (and any proxy that wants to) reads to tell replayed sessions apart. */
const SESSION_HEADER = 'x-terse-session';

const PATHS = { anthropic: '/v1/messages', openai: '/v1/chat/completions' } as const;

function headersFor(provider: 'anthropic' | 'openai', session: string): Record<string, string> {
  const common = { 'content-type': 'application/json', [SESSION_HEADER]: session };
  return provider === 'anthropic'
    ? { ...common, 'x-api-key': 'terse-bench', 'anthropic-version': '2023-06-01' }
    : { ...common, authorization: 'Bearer terse-bench' };
}

/** Replays through the proxy at `proxyUrl`, which must send upstream to 127.0.0.1:`capturePort`. */
export function externalProxyStrategy(name: string, proxyUrl: string, capturePort: number): OpenStrategy {
  // Session ids new to the proxy on every run: a proxy keeps what it decided in a session it has seen.
  const run = randomUUID().slice(0, 8);
  let sessions = 0;
  // The proxy's own word on what it is, from its first reply's headers.
  let identity: string | null = null;
  return async ({ tokenizer }) => {
    const capture = await startCaptureUpstream(capturePort);
    const store = createMemoryStore();
    const ruler = createTokenRuler(tokenizer);
    return {
      store,
      ruler,
      newSession: () => {
        const session = `terse-bench-${run}-${++sessions}`;
        return async (request) => {
          const started = performance.now();
          capture.take();
          // A replay reads whole replies: the capture answers in one piece, never as a stream.
          const body: JsonObject = { ...request.body, stream: false };
          let answer: Response;
          try {
            answer = await fetch(`${proxyUrl.replace(/\/$/, '')}${PATHS[request.provider]}`, {
              method: 'POST',
              headers: headersFor(request.provider, session),
              body: JSON.stringify(body),
            });
          } catch (error) {
            return failedRequest(
              request,
              name,
              `the proxy at ${proxyUrl} did not answer: ${(error as Error).message}`,
              started,
            );
          }
          const reply = await answer.text();
          identity ??=
            answer.headers.get('x-terse-version') ?? answer.headers.get('server') ?? answer.headers.get('via');
          if (!answer.ok)
            return failedRequest(request, name, `the proxy answered ${answer.status}: ${reply.slice(0, 200)}`, started);
          // The first upstream request is the compressed one; later ones are its own retrieve rounds.
          const [sent] = capture.take();
          if (sent === undefined)
            return failedRequest(
              request,
              name,
              `the proxy sent nothing to ${capture.url}: is its upstream set there?`,
              started,
            );
          let parsed;
          try {
            parsed = canonicalFromBody(JSON.parse(sent.text) as JsonObject, request.provider);
          } catch (error) {
            return failedRequest(
              request,
              name,
              `the proxy sent a body that is not a request: ${(error as Error).message}`,
              started,
            );
          }
          const result = laidOver(request, parsed, name, started);
          return { ...result, stats: { ...result.stats, ms: sent.at - started } };
        };
      },
      describe: () =>
        `external proxy at ${proxyUrl}${identity === null ? '' : ` (${identity})`}, upstream captured on ${capture.url}`,
      close: async () => {
        await capture.close();
        await store.close();
      },
    };
  };
}
