/** The requests the engine bench compresses: every headroom request and every k-th local one. */
import { requestsOf } from '../../src/bench/trace.ts';
import { headroomSuite, localSuite, type NamedSuiteBuild } from '../../src/testkit/invariants/invariant-suites.ts';
import type { JsonObject, Provider } from '../../src/types.ts';

/** One request as a proxy would receive it. */
export interface BenchRequest {
  /** `suite/trace#index`. */
  readonly label: string;
  readonly provider: Provider;
  readonly body: JsonObject;
  /** UTF-8 bytes of the body as JSON: the size the proxy received. */
  readonly bytes: number;
}

function requestsOfSuite({ name, build }: NamedSuiteBuild, everyKth: number): BenchRequest[] {
  if (build.state !== 'ready') return [];
  const out: BenchRequest[] = [];
  let position = 0;
  for (const trace of build.traces) {
    for (const request of requestsOf(trace)) {
      // Counted across the whole suite, so a sample spreads over every trace and every depth.
      if (position++ % everyKth !== 0) continue;
      out.push({
        label: `${name}/${trace.header.id}#${request.index}`,
        provider: trace.header.provider,
        body: request.body,
        bytes: Buffer.byteLength(JSON.stringify(request.body), 'utf8'),
      });
    }
  }
  return out;
}

/** The headroom suite (one request per trace, as published) and every `localEvery`-th local request. */
export async function loadBenchRequests(
  localEvery: number,
): Promise<{ headroom: BenchRequest[]; local: BenchRequest[]; skipped: string[] }> {
  const local = await localSuite();
  return {
    headroom: requestsOfSuite(headroomSuite(), 1),
    local: requestsOfSuite(local, localEvery),
    skipped: local.build.state === 'skipped' ? [`local: ${local.build.reason}`] : [],
  };
}
