/**
 * The needle variant: 100 log records with exactly one FATAL, at index 67, in its own trace
 * (`needle-fatal-67-seed<N>`). A compressor that samples or truncates logs must still keep it.
 */
import type { Probe } from '../../bench/probe.ts';
import type { Trace } from '../../bench/trace.ts';
import { itemAt } from './item-at.ts';
import { buildOpenAiSession, toolResultTurn } from './openai-session.ts';
import { firstAbsent, writeProbes } from './probe-writer.ts';
import { pythonJsonDumps } from './python-json.ts';
import { createSeededRandom } from './seeded-random.ts';
import { createFleet, generateLogEntries, logSearchResult, plantLogEntry, SERVICE_NAMES } from './service-logs.ts';
import type { CallPlan } from './session-calls.ts';

/** Where the one FATAL record sits among the 100. */
export const NEEDLE_INDEX = 67;

/** Records in the needle's log search. */
export const NEEDLE_RECORDS = 100;

/** A generated needle trace and its probes. */
export function buildNeedleTrace(seed: number, calls: CallPlan): { trace: Trace; probes: Probe[] } {
  const rng = createSeededRandom(seed, 'needle');
  const services = rng.shuffled(SERVICE_NAMES);
  const pods = createFleet(rng, services.slice(0, 4));
  const entries = generateLogEntries(rng, pods, { count: NEEDLE_RECORDS, startSeconds: 3 * 3600, maxGapSeconds: 20 });
  const victim = rng.pick(pods);
  const fatal = plantLogEntry(
    entries,
    NEEDLE_INDEX,
    victim,
    'FATAL',
    `Out of memory: heap limit reached, ${victim.service} is shutting down`,
    rng.hex(16),
  );
  const early = itemAt(entries, rng.int(3, 10), 'log entry');
  const late = itemAt(entries, rng.int(90, 98), 'log entry');
  const errorCount = entries.filter((entry) => entry.level === 'ERROR').length;

  const trace = buildOpenAiSession(rng, {
    id: `needle-fatal-${NEEDLE_INDEX}-seed${seed}`,
    workload: 'other', // its own row: a fidelity check, not part of the published SRE workload
    generator: 'needle-fatal',
    seed,
    system: 'You are the on-call assistant. Read the logs you are given and say what went wrong.',
    user: 'One of our services restarted overnight. Can you find out which one and why?',
    steps: [
      {
        name: 'search_logs',
        arguments: { query: 'env:production', from: '03:00', limit: NEEDLE_RECORDS },
        result: pythonJsonDumps(logSearchResult(entries, NEEDLE_RECORDS), 2),
      },
    ],
    finalUser: 'Which service went down, and what should we look at first?',
    calls,
  });

  const turn = toolResultTurn(0);
  const absent = firstAbsent(trace, services.slice(4).concat(['billing-gateway']));
  const probes = writeProbes(trace, [
    {
      name: 'fatal-trace',
      kind: 'exact',
      turn,
      question: 'Which trace_id carries the only FATAL record?',
      answers: [fatal.trace_id],
    },
    {
      name: 'fatal-time',
      kind: 'locate',
      turn,
      question: 'At what timestamp was the FATAL record logged?',
      answers: [fatal.timestamp],
    },
    {
      name: 'fatal-host',
      kind: 'locate',
      turn,
      question: 'Which host logged the FATAL record?',
      answers: [fatal.metadata.host],
    },
    {
      name: 'fatal-cause',
      kind: 'causal',
      turn,
      question: 'Why did the service shut down?',
      answers: ['heap limit reached'],
    },
    {
      name: 'early-trace',
      kind: 'exact',
      turn,
      question: `Which trace_id does the record logged at ${early.timestamp} carry?`,
      answers: [early.trace_id],
    },
    {
      name: 'late-trace',
      kind: 'exact',
      turn,
      question: `Which trace_id does the record ${late.metadata.host} logged at ${late.timestamp} carry?`,
      answers: [late.trace_id],
    },
    {
      name: 'fatal-count',
      kind: 'count',
      turn,
      liveOnly: true,
      question: 'How many FATAL records are there?',
      answers: ['1'],
    },
    {
      name: 'error-count',
      kind: 'count',
      turn,
      liveOnly: true,
      question: 'How many ERROR records are there?',
      answers: [String(errorCount)],
    },
    {
      name: 'absent-service',
      kind: 'negative',
      turn,
      question: `What did ${absent} log before the crash?`,
      answers: [absent],
    },
  ]);
  return { trace, probes };
}
