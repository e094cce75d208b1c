/** The proxy's public surface (`terse/proxy`): build it over an engine, serve it, read its counters. */
export { createProxy, type Proxy } from './create-proxy.ts';
export { startProxy, type RunningProxy } from './start-proxy.ts';
export { DEFAULT_PROXY_OPTIONS, type ProxyOptions } from './proxy-options.ts';
export type { ProxyStatsSnapshot } from './proxy-stats.ts';
export { SESSION_HEADER } from './session-key.ts';
