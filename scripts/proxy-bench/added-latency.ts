/**
 * Added latency: the same request sent straight to the mock model and through the proxy, alternately
 * (so drift and load hit both alike); the figure is the distribution of the paired differences.
 */
import { Agent, request } from 'undici';

const agent = new Agent({ connections: 8, keepAliveTimeout: 30_000 });

/** One request and its body read to the end; returns the wall time in ms. */
export async function timedRequest(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
): Promise<number> {
  const started = performance.now();
  const response = await request(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    dispatcher: agent,
  });
  await response.body.arrayBuffer();
  if (response.statusCode !== 200) throw new Error(`${url}: status ${response.statusCode}`);
  return performance.now() - started;
}

/** What one run sends: the path, the body and headers (built fresh, untimed). */
export interface LatencyCase {
  readonly path: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Wall times of each run, direct and through the proxy. */
export interface PairedLatency {
  readonly direct: number[];
  readonly proxied: number[];
  /** proxied - direct, per run. */
  readonly added: number[];
}

/** Runs `warmup + runs` pairs; `prepare(i)` builds run i's request. */
export async function measureAddedLatency(
  directUrl: string,
  proxyUrl: string,
  plan: { readonly warmup: number; readonly runs: number },
  prepare: (run: number) => LatencyCase,
): Promise<PairedLatency> {
  const result: PairedLatency = { direct: [], proxied: [], added: [] };
  for (let i = 0; i < plan.warmup + plan.runs; i++) {
    const { path, body, headers } = prepare(i);
    let direct: number;
    let proxied: number;
    if (i % 2 === 0) {
      direct = await timedRequest(`${directUrl}${path}`, body, headers);
      proxied = await timedRequest(`${proxyUrl}${path}`, body, headers);
    } else {
      proxied = await timedRequest(`${proxyUrl}${path}`, body, headers);
      direct = await timedRequest(`${directUrl}${path}`, body, headers);
    }
    if (i < plan.warmup) continue;
    result.direct.push(direct);
    result.proxied.push(proxied);
    result.added.push(proxied - direct);
  }
  return result;
}

/** Closes the bench client's connections. */
export async function closeLatencyClient(): Promise<void> {
  await agent.close();
}
