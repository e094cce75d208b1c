/**
 * A bounded load test on loopback: concurrent clients, each replaying real recorded agent sessions
 * through the proxy (new session ids each time round, so sessions churn through the proxy's LRU), one
 * request in four streamed. Every response is checked; the proxy's memory is sampled as it goes.
 */
import { Agent, request } from 'undici';
import type { JsonObject } from '../../src/types.ts';
import type { ProxyChild, ProxyMemory } from './proxy-child.ts';

export interface LoadPlan {
  readonly clients: number;
  readonly requests: number;
  /** Memory is sampled after every this many completed requests. */
  readonly sampleEvery: number;
}

/** The proxy's live memory (after a full collection) once `done` requests completed. */
export interface MemorySample extends ProxyMemory {
  readonly done: number;
}

export interface LoadResult {
  readonly latenciesMs: number[];
  readonly streamed: number;
  /** Requests that failed or whose response was incomplete, with why (first few). */
  readonly failures: number;
  readonly failureSamples: string[];
  readonly memory: MemorySample[];
  readonly wallMs: number;
}

/** A response is complete when a whole message came back (streamed: up to `message_stop`). */
function complete(text: string, stream: boolean): boolean {
  if (stream) return text.includes('event: message_stop');
  try {
    const body = JSON.parse(text) as JsonObject;
    return Array.isArray(body.content) && body.content.length > 0;
  } catch {
    return false;
  }
}

/** Runs the plan against `proxy`; `sessions` are the request sequences clients replay. */
export async function runLoad(
  proxy: ProxyChild,
  sessions: readonly JsonObject[][],
  plan: LoadPlan,
  onProgress?: (done: number) => void,
): Promise<LoadResult> {
  const agent = new Agent({ connections: plan.clients, keepAliveTimeout: 30_000 });
  const latenciesMs: number[] = [];
  const failureSamples: string[] = [];
  const memory: MemorySample[] = [];
  let failures = 0;
  let streamed = 0;
  let issued = 0;
  let done = 0;
  let sampling: Promise<void> = Promise.resolve();
  const started = performance.now();

  async function client(id: number): Promise<void> {
    let cycle = 0;
    let step = 0;
    while (issued < plan.requests) {
      const index = issued++;
      const bodies = sessions[(id + cycle) % sessions.length] ?? [];
      const stream = index % 4 === 1;
      const body = JSON.stringify({ ...bodies[step], stream });
      const sent = performance.now();
      try {
        const response = await request(`${proxy.url}/v1/messages`, {
          method: 'POST',
          body,
          headers: {
            'content-type': 'application/json',
            'x-api-key': 'bench',
            'anthropic-version': '2023-06-01',
            'x-terse-session': `load-${id}-${cycle}`,
          },
          dispatcher: agent,
        });
        const text = await response.body.text();
        if (response.statusCode !== 200 || !complete(text, stream))
          throw new Error(`status ${response.statusCode}: ${text.slice(0, 200)}`);
        latenciesMs.push(performance.now() - sent);
        if (stream) streamed++;
      } catch (error) {
        failures++;
        if (failureSamples.length < 5) failureSamples.push(error instanceof Error ? error.message : String(error));
      }
      done++;
      onProgress?.(done);
      if (done % plan.sampleEvery === 0) {
        const at = done;
        sampling = sampling.then(async () => {
          memory.push({ done: at, ...(await proxy.memory()) });
        });
      }
      step++;
      if (step >= bodies.length) {
        step = 0;
        cycle++;
      }
    }
  }

  await Promise.all(Array.from({ length: plan.clients }, (_, id) => client(id)));
  await sampling;
  const wallMs = performance.now() - started;
  await agent.close();
  return { latenciesMs, streamed, failures, failureSamples, memory, wallMs };
}
