/**
 * The `sre` session: "500 errors on the payment service". Three tool results (300 log entries,
 * 200 metric rows, 150 file hits) with one planted incident running through all three: a deploy,
 * an exhausted connection pool, 500s on POST /v2/charges, a rollback; the pool size that caused it
 * sits in a Helm values file. Probes are written from the values the generator planted.
 */
import type { Probe } from '../../bench/probe.ts';
import type { Trace } from '../../bench/trace.ts';
import { fileSearchResult, generateFileHits } from './file-search.ts';
import { itemAt } from './item-at.ts';
import { generateMetricRows, metricsResult } from './metrics-query.ts';
import { buildOpenAiSession, toolResultTurn } from './openai-session.ts';
import { firstAbsent, writeProbes } from './probe-writer.ts';
import { pythonJsonDumps } from './python-json.ts';
import { createSeededRandom } from './seeded-random.ts';
import {
  createFleet,
  generateLogEntries,
  logSearchResult,
  plantLogEntry,
  SERVICE_NAMES,
  type Pod,
} from './service-logs.ts';
import type { CallPlan } from './session-calls.ts';
import { SRE_SEARCH_TOPIC } from './sre-topic.ts';
import { SESSION_EPOCH_MS } from './timestamps.ts';

const SYSTEM = [
  'You are the on-call assistant for a payments platform.',
  'You can search logs, query service metrics and search the code and deploy configuration.',
  'Work from the evidence in the tool results and name the root cause.',
].join('\n');

const ENDPOINTS: Record<string, string> = {
  'payment-service': 'POST /v2/charges',
  'checkout-api': 'POST /v2/carts/checkout',
  'ledger-service': 'POST /v2/postings',
  'fraud-scorer': 'POST /v2/score',
  'edge-proxy': 'GET /healthz',
  'session-broker': 'POST /v2/sessions',
  'notification-relay': 'POST /v2/notify',
  'inventory-service': 'PUT /v2/stock',
  'pricing-engine': 'GET /v2/quotes',
  'search-indexer': 'POST /v2/reindex',
};

/** Log entries start at 08:00:00; metrics windows start five minutes earlier. */
const LOG_START_SECONDS = 8 * 3600;
const METRICS_START_SECONDS = LOG_START_SECONDS - 300;

/** A generated SRE trace and its probes. */
export function buildSreTrace(seed: number, calls: CallPlan): { trace: Trace; probes: Probe[] } {
  const rng = createSeededRandom(seed, 'sre');
  const others = rng.shuffled(SERVICE_NAMES.filter((name) => name !== 'payment-service'));
  const services = ['payment-service', ...others.slice(0, 4)];
  const pods = createFleet(rng, services);
  const paymentPods = pods.filter((pod) => pod.service === 'payment-service');
  const paymentPod = (): Pod => rng.pick(paymentPods);

  // Logs, with the incident planted: deploy, pool exhausted, 500s, rollback.
  const entries = generateLogEntries(rng, pods, { count: 300, startSeconds: LOG_START_SECONDS, maxGapSeconds: 12 });
  const version = `v4.${rng.int(10, 40)}.${rng.int(1, 9)}`;
  const previous = version.replace(/\.(\d+)$/, (_, patch: string) => `.${Number(patch) - 1}`);
  const waiting = rng.int(31, 97);
  const deployIndex = rng.int(95, 110);
  const exhaustedIndex = rng.int(135, 145);
  const rollbackIndex = rng.int(200, 215);
  plantLogEntry(
    entries,
    deployIndex,
    paymentPod(),
    'INFO',
    `Rolled out payment-service ${version} (config revision ${rng.hex(7)})`,
    rng.hex(16),
  );
  plantLogEntry(
    entries,
    exhaustedIndex,
    paymentPod(),
    'WARN',
    `Connection pool ledger-db-primary exhausted: 5 of 5 in use, ${waiting} requests waiting`,
    rng.hex(16),
  );
  const chargeErrors: number[] = [];
  for (let index = exhaustedIndex + rng.int(3, 6); index < rollbackIndex - 4; index += rng.int(5, 9))
    chargeErrors.push(index);
  for (const index of chargeErrors) {
    const waited = rng.int(3001, 3400);
    plantLogEntry(
      entries,
      index,
      paymentPod(),
      'ERROR',
      `POST /v2/charges -> 500: no connection from pool ledger-db-primary after ${waited}ms`,
      rng.hex(16),
    );
  }
  const rollback = plantLogEntry(
    entries,
    rollbackIndex,
    paymentPod(),
    'INFO',
    `Rolled back payment-service to ${previous}`,
    rng.hex(16),
  );
  const firstCharge = itemAt(entries, itemAt(chargeErrors, 0, 'planted 500'), 'log entry');
  const paymentErrorCount = entries.filter(
    (entry) => entry.level === 'ERROR' && entry.service === 'payment-service',
  ).length;

  // Metrics: payment-service rows are outliers while the 500s last.
  const windowOf = (timestamp: string): number =>
    Math.floor((Date.parse(timestamp) - SESSION_EPOCH_MS) / 60_000 - METRICS_START_SECONDS / 60);
  const rows = generateMetricRows(rng, {
    services: services.map((name) => ({ name, endpoint: ENDPOINTS[name] ?? 'GET /' })),
    windows: 40,
    startSeconds: METRICS_START_SECONDS,
    incident: {
      service: 'payment-service',
      from: windowOf(firstCharge.timestamp),
      to: windowOf(rollback.timestamp) + 1,
    },
  });
  const peak = rows.filter((row) => row.service === 'payment-service').reduce((a, b) => (b.p99_ms > a.p99_ms ? b : a));

  // File search, with the Helm values file that set the pool size planted late in the list.
  const hits = generateFileHits(rng, SRE_SEARCH_TOPIC, { count: 150, secondMatchChance: 0.02 });
  const configIndex = rng.int(110, 135);
  const configPath = 'deploy/helm/payment-service/values-production.yaml';
  hits[configIndex] = {
    ...itemAt(hits, configIndex, 'file hit'),
    path: configPath,
    matches: [
      {
        line: rng.int(30, 80),
        content: '    maxPoolSize: 5',
        context_before: '  ledgerDb:',
        context_after: '    acquireTimeoutMs: 3000',
      },
    ],
  };

  const trace = buildOpenAiSession(rng, {
    id: `sre-seed${seed}`,
    workload: 'sre',
    generator: 'sre',
    seed,
    system: SYSTEM,
    user: "We're seeing 500 errors on the payment service since this morning. Can you find out why?",
    steps: [
      {
        name: 'search_logs',
        arguments: { query: 'env:production', from: '08:00', limit: 300 },
        result: pythonJsonDumps(logSearchResult(entries, 300 * rng.int(8, 14)), 2),
      },
      {
        name: 'query_metrics',
        arguments: { metric: 'http_server', group_by: ['service', 'minute'] },
        result: pythonJsonDumps(metricsResult('http_server by service, endpoint per 1m', rows, rng.int(120, 900)), 2),
      },
      {
        name: 'search_files',
        arguments: { pattern: 'pool|timeout', path: '.' },
        result: pythonJsonDumps(fileSearchResult(hits, 1500 + rng.int(0, 400)), 2),
      },
    ],
    finalUser: 'Given all of that, what is the root cause and what should we change?',
    calls,
  });

  const [logs, metrics, files] = [toolResultTurn(0), toolResultTurn(1), toolResultTurn(2)];
  const absentService = firstAbsent(trace, others.slice(4).concat(['billing-gateway', 'ledger-archiver']));
  const probes = writeProbes(trace, [
    {
      name: 'first-500-trace',
      kind: 'exact',
      turn: logs,
      question: 'Which trace_id is on the first payment-service ERROR for POST /v2/charges?',
      answers: [firstCharge.trace_id],
    },
    {
      name: 'deploy-version',
      kind: 'causal',
      turn: logs,
      question: 'Which payment-service version was rolled out shortly before the pool ran dry?',
      answers: [version],
    },
    {
      name: 'requests-waiting',
      kind: 'count',
      turn: logs,
      question: 'How many requests were waiting when ledger-db-primary was reported exhausted?',
      answers: [`${waiting} requests waiting`],
    },
    {
      name: 'payment-error-count',
      kind: 'count',
      turn: logs,
      liveOnly: true,
      question: 'How many ERROR entries came from payment-service?',
      answers: [String(paymentErrorCount)],
    },
    {
      name: 'rollback-time',
      kind: 'locate',
      turn: logs,
      question: 'At what timestamp was payment-service rolled back?',
      answers: [rollback.timestamp],
    },
    {
      name: 'p99-peak-window',
      kind: 'locate',
      turn: metrics,
      question: 'In which window_start did payment-service reach its highest p99_ms?',
      answers: [peak.window_start],
    },
    {
      name: 'p99-peak-value',
      kind: 'exact',
      turn: metrics,
      question: 'What was the highest p99_ms reported for payment-service?',
      answers: [String(peak.p99_ms)],
    },
    {
      name: 'pool-config-file',
      kind: 'locate',
      turn: files,
      question: 'Which file sets maxPoolSize for payment-service?',
      answers: [configPath],
    },
    {
      name: 'root-cause',
      kind: 'causal',
      turn: files,
      question: 'What configuration value explains the exhausted ledger-db-primary pool?',
      answers: ['maxPoolSize: 5'],
    },
    { name: 'no-fatal', kind: 'negative', turn: logs, question: 'Which entry has level FATAL?', answers: ['FATAL'] },
    {
      name: 'absent-service',
      kind: 'negative',
      turn: logs,
      question: `What did ${absentService} log during the incident?`,
      answers: [absentService],
    },
  ]);
  return { trace, probes };
}
