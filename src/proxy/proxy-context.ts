/** What every handler of one proxy shares. */
import type { EngineSetup } from '../engine/engine-session.ts';
import type { ProxyOptions } from './proxy-options.ts';
import type { ProxyStats } from './proxy-stats.ts';
import type { SessionRegistry } from './session-registry.ts';
import type { UpstreamClient } from './upstream-client.ts';

/** The options, engine, sessions, counters and upstream client of one proxy. */
export interface ProxyContext {
  readonly options: ProxyOptions;
  readonly setup: EngineSetup;
  readonly sessions: SessionRegistry;
  readonly stats: ProxyStats;
  readonly upstream: UpstreamClient;
}
