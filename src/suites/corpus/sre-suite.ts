/** The SRE part of the corpus suite: one session per loghub system, probes from its ground truth. */
import path from 'node:path';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { Probe } from '../../bench/probe.ts';
import type { SuiteContent } from '../../bench/suite.ts';
import type { Trace } from '../../bench/trace.ts';
import { spreadDrafts, toProbes, type ProbeDraft } from '../../bench/derive/probe-drafts.ts';
import { traceText } from '../../bench/trace-text.ts';
import { LOG_INCIDENTS } from './log-incidents.ts';
import { logDrafts } from './log-probes.ts';
import { readLogSystem, type LogRecord } from './loghub-records.ts';
import { peakIndex, readMetricWindow, type MetricWindow } from './nab-metric-window.ts';
import { buildSreSession, PAGE_SIZE, pageTurn } from './sre-session.ts';

/** Most o200k tokens of log one session fetches: a large model window, not an unbounded one. */
const LOG_TOKEN_BUDGET = 160_000;

/** Pages fetched: every page while the running total stays within the budget (at least one). */
function pagesWithinBudget(records: readonly LogRecord[]): number {
  const ruler = createTokenRuler('o200k_base');
  const pages = Math.ceil(records.length / PAGE_SIZE);
  let total = 0;
  for (let page = 0; page < pages; page++) {
    total += ruler.count(
      records
        .slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
        .map((r) => r.raw)
        .join('\n'),
    );
    if (total > LOG_TOKEN_BUDGET) return Math.max(page, 1);
  }
  return pages;
}

/** Locate and exact probes on the metric series: when it peaked and how high. */
function metricDrafts(window: MetricWindow, turn: number): ProbeDraft[] {
  const peak = peakIndex(window);
  return [
    {
      name: 'metric-peak-time',
      kind: 'locate',
      question: `At what timestamp does ${window.metric} peak in the metrics queried?`,
      answers: [window.timestamps[peak] ?? ''],
      turn,
    },
    {
      name: 'metric-peak-value',
      kind: 'exact',
      question: `What is the highest ${window.metric} value in the metrics queried?`,
      answers: [JSON.stringify(window.values[peak])],
      turn,
    },
  ];
}

/** One session per system in LOG_INCIDENTS. */
export async function buildSreSuite(corpusDir: string): Promise<SuiteContent> {
  const traces: Trace[] = [];
  const probes: Probe[] = [];
  for (const incident of LOG_INCIDENTS) {
    const system = await readLogSystem(path.join(corpusDir, 'loghub'), incident.system);
    const pages = pagesWithinBudget(system.records);
    const fetched = system.records.slice(0, pages * PAGE_SIZE);
    const metrics =
      incident.metrics === undefined
        ? null
        : await readMetricWindow(path.join(corpusDir, 'nab-metrics'), incident.metrics);
    const trace = buildSreSession(
      incident,
      fetched,
      pages,
      metrics,
      `loghub/${incident.system}/${incident.system}_2k.log`,
    );
    const turnOf = (index: number) => pageTurn(Math.floor(index / PAGE_SIZE));
    const drafts = [
      ...logDrafts(incident, fetched, turnOf),
      ...(metrics === null ? [] : metricDrafts(metrics, pageTurn(pages))),
    ];
    const chosen = spreadDrafts(traceText(trace), drafts, { negative: 2 });
    traces.push(trace);
    probes.push(...toProbes(trace.header.id, chosen));
  }
  return { traces, probes };
}
