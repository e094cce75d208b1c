/**
 * Generated service logs: the `search_logs` tool result of the SRE, issue-triage and needle
 * sessions. Entries are `{timestamp, level, service, message, trace_id, metadata{host, region}}`,
 * mostly INFO with some WARN, DEBUG and ERROR, one per few seconds across a fleet of pods.
 * Workloads plant their incident by replacing entries; the routine templates below never
 * produce a planted phrase, so a planted string is unique by construction.
 */
import { itemAt } from './item-at.ts';
import type { SeededRandom } from './seeded-random.ts';
import { isoSeconds } from './timestamps.ts';

/** Levels a generated entry may carry; only a planted entry is ever FATAL. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';

/** One log record, as the search_logs tool returns it. */
export type LogEntry = {
  timestamp: string;
  level: LogLevel;
  service: string;
  message: string;
  trace_id: string;
  metadata: { host: string; region: string };
};

/** One pod of a service: where its log lines come from. */
export type Pod = { readonly service: string; readonly host: string; readonly region: string };

/** Services a generated fleet is drawn from (the caller may force some in). */
export const SERVICE_NAMES: readonly string[] = [
  'payment-service',
  'checkout-api',
  'ledger-service',
  'fraud-scorer',
  'edge-proxy',
  'session-broker',
  'notification-relay',
  'inventory-service',
  'pricing-engine',
  'search-indexer',
];

const REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'eu-west-1'];
const RESOURCES: readonly string[] = ['orders', 'carts', 'accounts', 'invoices', 'refunds', 'quotes', 'shipments'];
const QUEUES: readonly string[] = ['order-events', 'ledger-postings', 'email-outbox', 'stock-updates', 'risk-signals'];
const TABLES: readonly string[] = ['orders', 'ledger_entries', 'customer_profiles', 'stock_levels', 'audit_log'];
const FLAGS: readonly string[] = ['new-checkout-flow', 'async-capture', 'smart-retry', 'geo-pricing', 'split-tender'];
const EXCEPTIONS: readonly string[] = [
  'IllegalStateException',
  'SocketTimeoutException',
  'KeyError',
  'TypeError',
  'ConstraintViolation',
];
const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'DELETE'];

type Template = (rng: SeededRandom, peers: readonly string[]) => string;

const TEMPLATES: Record<Exclude<LogLevel, 'FATAL'>, readonly Template[]> = {
  INFO: [
    (r) => `${r.pick(METHODS)} /v2/${r.pick(RESOURCES)} -> 200 in ${r.int(4, 180)}ms`,
    (r) => `Consumed ${r.int(2, 240)} messages from ${r.pick(QUEUES)}`,
    () => 'Health check ok',
    () => 'Request completed',
    () => 'Request completed',
    (r) => `Refreshed session acct_${r.int(100000, 999999)}`,
    (r) => `Warmed cache with ${r.int(200, 9000)} keys`,
    (r) => `Committed batch ${r.int(1000, 9999)} to ${r.pick(TABLES)}`,
  ],
  WARN: [
    (r) => `Slow query on ${r.pick(TABLES)}: ${r.int(400, 4000)}ms`,
    (r) => `Heap usage at ${r.int(78, 94)}%`,
    (r, peers) => `Retrying call to ${r.pick(peers)} (attempt ${r.int(2, 4)} of 5)`,
    (r, peers) => `Circuit breaker for ${r.pick(peers)} moved to half-open`,
  ],
  DEBUG: [
    (r) => `Cache ${r.pick(['hit', 'miss'])} for key ${r.pick(RESOURCES)}:${r.int(10000, 99999)}`,
    (r) => `Flag ${r.pick(FLAGS)} evaluated to ${r.pick(['true', 'false'])}`,
    (r, peers) => `Outbound call to ${r.pick(peers)} finished in ${r.int(3, 400)}ms`,
  ],
  ERROR: [
    (r, peers) => `Upstream ${r.pick(peers)} answered 503 to ${r.pick(METHODS)} /v2/${r.pick(RESOURCES)}`,
    (r, peers) => `Gave up on ${r.pick(peers)} after ${r.int(2, 30)}000ms`,
    (r) => `Deadlock on ${r.pick(TABLES)}; transaction rolled back`,
    (r) => `Unhandled ${r.pick(EXCEPTIONS)} in request worker ${r.int(1, 16)}`,
  ],
};

/** Pods for each service: 3-5 per service, each pinned to one region. */
export function createFleet(rng: SeededRandom, services: readonly string[]): Pod[] {
  const pods: Pod[] = [];
  for (const service of services) {
    const count = rng.int(3, 5);
    // StatefulSet-style pod names: service plus ordinal.
    for (let i = 0; i < count; i++) pods.push({ service, host: `${service}-${i}`, region: rng.pick(REGIONS) });
  }
  return pods;
}

/** A routine level: about 61% INFO, 13% WARN, 13% DEBUG, 13% ERROR (the reference mix). */
function routineLevel(rng: SeededRandom): Exclude<LogLevel, 'FATAL'> {
  const roll = rng.next();
  if (roll < 0.61) return 'INFO';
  if (roll < 0.74) return 'WARN';
  if (roll < 0.87) return 'DEBUG';
  return 'ERROR';
}

/** How many entries, from when, how far apart. */
export interface LogOptions {
  readonly count: number;
  /** Seconds after the session epoch of the first entry. */
  readonly startSeconds: number;
  /** Entries are 1..maxGapSeconds apart. */
  readonly maxGapSeconds: number;
}

/** `count` routine entries in time order, drawn from `pods`. */
export function generateLogEntries(rng: SeededRandom, pods: readonly Pod[], options: LogOptions): LogEntry[] {
  const services = [...new Set(pods.map((pod) => pod.service))];
  const entries: LogEntry[] = [];
  let seconds = options.startSeconds;
  for (let i = 0; i < options.count; i++) {
    const pod = rng.pick(pods);
    const level = routineLevel(rng);
    const peers = services.filter((name) => name !== pod.service);
    entries.push({
      timestamp: isoSeconds(seconds),
      level,
      service: pod.service,
      message: rng.pick(TEMPLATES[level])(rng, peers.length > 0 ? peers : services),
      trace_id: rng.hex(16),
      metadata: { host: pod.host, region: pod.region },
    });
    seconds += rng.int(1, options.maxGapSeconds);
  }
  return entries;
}

/** Replaces entry `index` with `pod`'s line at the same timestamp; returns the new entry. */
export function plantLogEntry(
  entries: LogEntry[],
  index: number,
  pod: Pod,
  level: LogLevel,
  message: string,
  traceId: string,
): LogEntry {
  const old = itemAt(entries, index, 'log entry');
  const entry: LogEntry = {
    timestamp: old.timestamp,
    level,
    service: pod.service,
    message,
    trace_id: traceId,
    metadata: { host: pod.host, region: pod.region },
  };
  entries[index] = entry;
  return entry;
}

/** The `search_logs` result object: totals, then the entries. */
export function logSearchResult(
  entries: readonly LogEntry[],
  totalHits: number,
): { total_hits: number; returned: number; entries: LogEntry[] } {
  return { total_hits: totalHits, returned: entries.length, entries: entries.slice() };
}
