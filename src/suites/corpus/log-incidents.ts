/**
 * The six loghub systems an SRE session investigates: what kind of window each is, how its lines
 * are time-stamped, the symptom a user would report (worded from the data, never naming the
 * answer), and the few facts that need a system-specific reading of the lines.
 */
import type { LogRecord } from './loghub-records.ts';

/** A fact read from the lines: the question, the line it sits on, the verbatim answers. */
export interface LineFact {
  readonly question: string;
  readonly index: number;
  readonly answers: readonly string[];
}

/** How a session over one system is built and what is specific to it. */
export interface LogIncident {
  readonly system: string;
  /** Continuous windows hold a causal incident; samples hide bad lines among normal ones. */
  readonly window: 'continuous' | 'sample';
  /** `stamp` is the line's timestamp as printed; `time` its time-of-day part. */
  readonly timestamp: RegExp;
  readonly symptom: (records: readonly LogRecord[]) => string;
  /** Lines that count as the problem when level and label alone do not say it. */
  readonly problem?: (record: LogRecord) => boolean;
  /** A cause only this system's lines spell out. */
  readonly cause?: (records: readonly LogRecord[]) => LineFact | null;
  /** A NAB series the session queries too (`realAWSCloudwatch/<file>.csv`). */
  readonly metrics?: string;
}

function firstMatch(records: readonly LogRecord[], pattern: RegExp): string {
  for (const r of records) {
    const m = pattern.exec(r.raw);
    if (m !== null) return m[1] ?? m[0];
  }
  return '';
}

/** Hadoop: the RM address the allocator keeps retrying once it starts failing to reach the RM. */
function unreachableResourceManager(records: readonly LogRecord[]): LineFact | null {
  const firstError = records.findIndex((r) => r.level === 'ERROR' && /\bRM\b/.test(r.content));
  const retry = records.slice(Math.max(firstError, 0)).find((r) => /Retrying connect to server: \S+\./.test(r.content));
  const address = retry === undefined ? null : /Retrying connect to server: (\S+?)\.(?:\s|$)/.exec(retry.content)?.[1];
  if (firstError < 0 || retry === undefined || address === undefined || address === null) return null;
  return {
    question: 'Which ResourceManager address (host:port) can the ApplicationMaster not reach?',
    index: retry.index,
    answers: [address],
  };
}

/** BGL: the node that raised the rarest alert category (a single line). */
function rarestAlertNode(records: readonly LogRecord[]): LineFact | null {
  const counts = new Map<string, number>();
  for (const r of records) if (r.label !== '-') counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  const single = records.find((r) => r.label !== '-' && counts.get(r.label) === 1 && r.node !== '');
  return single === undefined
    ? null
    : {
        question: `Which node raised the ${single.label} alert (${single.content.slice(0, 40)}...)?`,
        index: single.index,
        answers: [single.node],
      };
}

/** Spark: the slowest broadcast read, the only line that stands out in an all-INFO window. */
function slowestBroadcast(records: readonly LogRecord[]): LineFact | null {
  let slowest: { record: LogRecord; ms: number } | null = null;
  for (const r of records) {
    const ms = Number(/^Reading broadcast variable \d+ took (\d+) ms$/.exec(r.content)?.[1] ?? NaN);
    if (!Number.isNaN(ms) && (slowest === null || ms > slowest.ms)) slowest = { record: r, ms };
  }
  return slowest === null
    ? null
    : {
        question: 'Which broadcast variable took longest to read, and how long did it take? Quote the line.',
        index: slowest.record.index,
        answers: [slowest.record.content],
      };
}

/** The sessions, in suite order. */
export const LOG_INCIDENTS: readonly LogIncident[] = [
  {
    system: 'Hadoop',
    window: 'continuous',
    timestamp: /^(?<stamp>\d{4}-\d\d-\d\d (?<time>\d\d:\d\d:\d\d,\d{3}))/,
    symptom: (rs) =>
      `MapReduce job ${firstMatch(rs, /(appattempt_\d+_\d+_\d+)/)} stopped making progress partway through its run. Find out what went wrong.`,
    cause: unreachableResourceManager,
    metrics: 'realAWSCloudwatch/ec2_cpu_utilization_5f5533.csv',
  },
  {
    system: 'OpenStack',
    window: 'continuous',
    timestamp: /^\S+ (?<stamp>\d{4}-\d\d-\d\d (?<time>\d\d:\d\d:\d\d\.\d{3}))/,
    symptom: (rs) =>
      `The nova compute node logs warnings again and again since ${firstMatch(rs, / (\d{4}-\d\d-\d\d) /)}. What is it warning about, and is anything else wrong?`,
    metrics: 'realAWSCloudwatch/rds_cpu_utilization_cc0c53.csv',
  },
  {
    system: 'Spark',
    window: 'continuous',
    timestamp: /^(?<stamp>\d\d\/\d\d\/\d\d (?<time>\d\d:\d\d:\d\d))/,
    symptom: (rs) =>
      `Spark executor ${firstMatch(rs, /Starting executor ID (\d+) on host/)} on ${firstMatch(rs, /Starting executor ID \d+ on host (\S+)/)} runs slower than expected. What is it spending time on?`,
    // An all-INFO window: cached partitions that had to be recomputed are the trouble.
    problem: (r) => /^Partition rdd_\S+ not found, computing it$/.test(r.content),
    cause: slowestBroadcast,
  },
  {
    system: 'HDFS',
    window: 'sample',
    timestamp: /^(?<stamp>\d{6} (?<time>\d{6}))/,
    symptom: (rs) =>
      `Some HDFS clients reported failed block reads on ${firstMatch(rs, /^(\d{6}) /)}. Which DataNodes and blocks were involved?`,
  },
  {
    system: 'BGL',
    window: 'sample',
    timestamp: /^\S+ \d+ \S+ \S+ (?<stamp>\d{4}-\d\d-\d\d-(?<time>\d\d\.\d\d\.\d\d\.\d+))/,
    symptom: (rs) =>
      `The Blue Gene/L machine raised hardware and application alerts from ${firstMatch(rs, / (\d{4}\.\d\d\.\d\d) /)} on. Find the alert lines and the nodes that raised them.`,
    cause: rarestAlertNode,
  },
  {
    system: 'Zookeeper',
    window: 'sample',
    timestamp: /^(?<stamp>\d{4}-\d\d-\d\d (?<time>\d\d:\d\d:\d\d,\d{3}))/,
    symptom: (rs) =>
      `Clients of the ZooKeeper ensemble saw dropped sessions on ${firstMatch(rs, /^(\d{4}-\d\d-\d\d) /)}. Find the errors behind it.`,
    metrics: 'realAWSCloudwatch/ec2_network_in_257a54.csv',
  },
];
