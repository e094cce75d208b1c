/**
 * The proxy's latency and load targets on this machine (`npm run bench:proxy`): added latency of the
 * proxy (in its own process, wired as `terse proxy` wires it) against the same mock model reached
 * directly, for requests with nothing to compress, for a 100k-token tool turn compressed from scratch,
 * and for one more step of a session already holding 100k tokens; then a bounded load test.
 * Measuring lives in scripts/proxy-bench/; this file only prints (`-- --update-readme` writes the table
 * into the README between its proxy-bench markers).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { quantile } from 'simple-statistics';
import { formatTable, ms, type BenchRow } from './engine-bench/bench-table.ts';
import { summarize } from './engine-bench/sample-stats.ts';
import { closeLatencyClient, measureAddedLatency, timedRequest } from './proxy-bench/added-latency.ts';
import {
  distinctFor,
  largeToolTurn,
  localToolOutputs,
  recordedSessions,
  referenceToolOutputs,
  smallBody,
} from './proxy-bench/bench-bodies.ts';
import { runLoad } from './proxy-bench/load-test.ts';
import { startProxyChild, type ProxyStatsJson } from './proxy-bench/proxy-child.ts';
import { startMockModelServer } from '../src/testkit/proxy/mock-model-server.ts';
import { writeReadmeSection } from '../src/report/readme-table.ts';
import type { JsonObject } from '../src/types.ts';

const PASSTHROUGH_PLAN = { warmup: 200, runs: 2_000 };
const STREAM_PLAN = { warmup: 50, runs: 500 };
const LARGE_PLAN = { warmup: 3, runs: 15 };
const LOAD_PLAN = { clients: 32, requests: 10_000, sampleEvery: 1_000 };
const TARGET_PASSTHROUGH_MS = 2;
const TARGET_COMPRESSING_MS = 15;
const MEMORY_GROWTH_LIMIT = 0.1;
const ANTHROPIC = { 'x-api-key': 'bench', 'anthropic-version': '2023-06-01' };

function gitSha(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * Where a proxy child's time went (p50s over its requests, warm-up included). The count for the
 * `x-terse-tokens-*` headers runs once the request is on its way upstream: against a real provider it
 * overlaps the wait for the first byte, against the instant mock it adds to the latency above.
 */
function breakdownRows(stats: ProxyStatsJson): BenchRow[] {
  const p50 = (q: { readonly p50: number | null }): string => (q.p50 === null ? '-' : ms(q.p50));
  return [
    { measure: '  of which the engine (compress, p50)', figure: p50(stats.engine_ms), target: '', pass: null },
    {
      measure: '  of which counting tokens for the x-terse-tokens headers, while upstream works (p50)',
      figure: p50(stats.count_ms),
      target: '',
      pass: null,
    },
    {
      measure: '  tokens before -> after (all requests)',
      figure: `${stats.tokens.before.toLocaleString('en-US')} -> ${stats.tokens.after.toLocaleString('en-US')}`,
      target: '',
      pass: null,
    },
  ];
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const p = (samples: readonly number[], q: number): number => quantile(samples as number[], q);

// The load average says how much the figures below shared the machine with other work.
const machine = `git ${gitSha()} | node ${process.version} | ${os.cpus()[0]?.model ?? 'cpu'} | ${os.cpus().length} cores | load ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')} | profile balanced | store memory`;
console.log(machine);
const rows: BenchRow[] = [];
const mock = await startMockModelServer();
mock.chunkBytes = 64 * 1024;
// The mock keeps every request it gets; the bench needs none of them.
const forget = (): void => void mock.requests.splice(0);

// (a) Nothing to compress: the proxy reads, parses, finds no new tool output, and forwards.
{
  const proxy = await startProxyChild(mock.url);
  const cases = [
    {
      label: '/v1/messages, nothing to compress, whole',
      plan: PASSTHROUGH_PLAN,
      path: '/v1/messages',
      body: smallBody(false),
    },
    {
      label: '/v1/messages, nothing to compress, streamed',
      plan: STREAM_PLAN,
      path: '/v1/messages',
      body: smallBody(true),
    },
    {
      label: 'another path (/v1/messages/count_tokens), passed through',
      plan: PASSTHROUGH_PLAN,
      path: '/v1/messages/count_tokens',
      body: smallBody(false),
    },
  ];
  for (const c of cases) {
    const result = await measureAddedLatency(mock.url, proxy.url, c.plan, () => ({
      path: c.path,
      body: c.body,
      headers: ANTHROPIC,
    }));
    forget();
    const added = summarize(result.added);
    rows.push({
      measure: `added latency, ${c.label}: p50 (n=${added.n})`,
      figure: `${ms(added.p50)} (p95 ${ms(added.p95)}; direct p50 ${ms(summarize(result.direct).p50)})`,
      target: `< ${TARGET_PASSTHROUGH_MS} ms`,
      pass: added.p50 < TARGET_PASSTHROUGH_MS,
    });
  }
  await proxy.stop();
}

// (b) A 100k-token tool turn, every block new (content made distinct and a new session each run): the engine's whole work.
const largeCases = [
  { label: "local sessions' outputs (code, logs, test runs)", outputs: localToolOutputs() },
  { label: "reference workloads' outputs (JSON)", outputs: referenceToolOutputs() },
];
for (const { label, outputs } of largeCases) {
  if (outputs.length === 0) {
    console.log(`skipped the ${label} turn: ../shared/reference is absent`);
    continue;
  }
  const proxy = await startProxyChild(mock.url);
  let tokens = 0;
  const result = await measureAddedLatency(mock.url, proxy.url, LARGE_PLAN, (run) => {
    const large = largeToolTurn(100_000, run, outputs);
    tokens = large.tokens;
    return { path: '/v1/messages', body: large.body, headers: { ...ANTHROPIC, 'x-terse-session': `large-${run}` } };
  });
  forget();
  const stats = await proxy.stats();
  const added = summarize(result.added);
  rows.push({
    measure: `added latency, ${tokens.toLocaleString('en-US')}-token tool turn of ${label}, compressed from scratch: p50 (n=${added.n})`,
    figure: `${ms(added.p50)} (p95 ${ms(added.p95)})`,
    target: `< ${TARGET_COMPRESSING_MS} ms`,
    pass: added.p50 < TARGET_COMPRESSING_MS,
  });
  rows.push(...breakdownRows(stats));
  await proxy.stop();
}

// (c) One more step of a session already holding 100k tokens: the history is decided and frozen, the
// newest turn brings one new real tool output. This is what an agent's every step costs.
{
  const proxy = await startProxyChild(mock.url);
  const history = JSON.parse(largeToolTurn(100_000, 0).body) as JsonObject;
  const session = { ...ANTHROPIC, 'x-terse-session': 'steady' };
  await timedRequest(`${proxy.url}/v1/messages`, JSON.stringify(history), session);
  // Mid-sized outputs (the history took the largest), each new to the proxy.
  const outputs = localToolOutputs().slice(60);
  const messages = history.messages as JsonObject[];
  const result = await measureAddedLatency(mock.url, proxy.url, LARGE_PLAN, (run) => {
    messages.push({
      role: 'assistant',
      content: [{ type: 'tool_use', id: `step_${run}`, name: 'bash', input: { command: `step ${run}` } }],
    });
    messages.push({
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: `step_${run}`,
          content: distinctFor(outputs[run % outputs.length] ?? '', 100 + run),
        },
      ],
    });
    return { path: '/v1/messages', body: JSON.stringify({ ...history, messages }), headers: session };
  });
  forget();
  const added = summarize(result.added);
  rows.push({
    measure: `added latency, next step of a 100k-token session (one new tool output): p50 (n=${added.n})`,
    figure: `${ms(added.p50)} (p95 ${ms(added.p95)})`,
    target: `< ${TARGET_COMPRESSING_MS} ms`,
    pass: added.p50 < TARGET_COMPRESSING_MS,
  });
  rows.push(...breakdownRows(await proxy.stats()));
  await proxy.stop();
}

// (d) Load: real recorded sessions, replayed by concurrent clients through one proxy.
{
  const proxy = await startProxyChild(mock.url);
  const sessions = recordedSessions();
  const result = await runLoad(proxy, sessions, LOAD_PLAN, (done) => {
    if (done % 100 === 0) forget();
  });
  forget();
  const stats = await proxy.stats();
  const latency = summarize(result.latenciesMs);
  const total = result.latenciesMs.length + result.failures;
  rows.push({
    measure: `load: ${LOAD_PLAN.clients} clients, ${total.toLocaleString('en-US')} requests (${result.streamed} streamed), real sessions`,
    figure: `${result.failures} failed${result.failureSamples.length > 0 ? ` (${result.failureSamples[0]})` : ''}; ${(total / (result.wallMs / 1000)).toFixed(0)} req/s`,
    target: 'none dropped',
    pass: result.failures === 0 && total === LOAD_PLAN.requests,
  });
  rows.push({
    measure: '  latency through the proxy, p50 / p95 / p99 / max',
    figure: `${ms(latency.p50)} / ${ms(latency.p95)} / ${ms(p(result.latenciesMs, 0.99))} / ${ms(latency.max)}`,
    target: '',
    pass: null,
  });
  rows.push({
    measure: '  tokens before -> after',
    figure: `${stats.tokens.before.toLocaleString('en-US')} -> ${stats.tokens.after.toLocaleString('en-US')}`,
    target: '',
    pass: null,
  });
  // Warm-up ends once the proxy holds as many sessions as it ever will (its LRU is full); from then on
  // its live heap (measured after a full collection) must stay flat.
  const most = Math.max(...result.memory.map((sample) => sample.sessions));
  const warm = result.memory.find((sample) => sample.sessions === most);
  const last = result.memory.at(-1);
  if (warm !== undefined && last !== undefined && last.done - warm.done >= LOAD_PLAN.requests / 2) {
    const growth = last.heapUsed / warm.heapUsed - 1;
    // The store keeps every session's originals in that session's scope, up to its byte bound: a cache
    // filling towards its cap, not a leak. What else the proxy holds must stay flat.
    const net = (sample: typeof last): number => sample.heapUsed - sample.storeBytes;
    const netGrowth = net(last) / net(warm) - 1;
    rows.push({
      measure: `  proxy live heap once its ${most} sessions filled (request ${warm.done.toLocaleString('en-US')}) -> at the end`,
      figure: `${mib(warm.heapUsed)} -> ${mib(last.heapUsed)} (${(growth * 100).toFixed(1)}%); sessions hold ~${mib(last.sessionBytes)}; the store's originals ${mib(warm.storeBytes)} -> ${mib(last.storeBytes)} (bounded at 256 MiB)`,
      target: '',
      pass: null,
    });
    rows.push({
      measure: "  proxy live heap without the store's originals, same points",
      figure: `${mib(net(warm))} -> ${mib(net(last))} (${(netGrowth * 100).toFixed(1)}%)`,
      target: `< ${MEMORY_GROWTH_LIMIT * 100}% growth`,
      pass: netGrowth < MEMORY_GROWTH_LIMIT,
    });
    rows.push({
      measure: '  proxy resident set, same points',
      figure: `${mib(warm.rss)} -> ${mib(last.rss)}`,
      target: '',
      pass: null,
    });
    rows.push({
      measure: '  live heap every 1,000 requests (MiB; each read is a full GC in the proxy, inside the load)',
      figure: result.memory.map((sample) => (sample.heapUsed / 1024 / 1024).toFixed(0)).join(' '),
      target: '',
      pass: null,
    });
  } else {
    rows.push({
      measure: '  proxy memory after warm-up',
      figure: `sessions filled at request ${warm?.done ?? '?'}: too late to compare`,
      target: `< ${MEMORY_GROWTH_LIMIT * 100}% growth`,
      pass: false,
    });
  }
  await proxy.stop();
}

await closeLatencyClient();
await mock.close();
const table = formatTable(rows);
console.log(table);
if (process.argv.includes('--update-readme')) {
  const readme = new URL('../README.md', import.meta.url);
  writeReadmeSection(readme, `\`\`\`text\n${machine}\n\n${table}\n\`\`\``, 'proxy-bench');
  console.log('README.md: proxy-bench table updated');
}
