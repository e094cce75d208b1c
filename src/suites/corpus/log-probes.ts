/**
 * Probes over the log lines an SRE session fetched, derived from loghub's ground truth: the
 * incident's template (first seen, how often), the line that stands out, identifiers that occur
 * once, and near-miss identifiers that never occur.
 */
import type { ProbeDraft } from '../../bench/derive/probe-drafts.ts';
import type { LineFact, LogIncident } from './log-incidents.ts';
import type { LogRecord } from './loghub-records.ts';

const ALARM_LEVELS = new Set(['ERROR', 'FATAL', 'SEVERE']);
const WARN_LEVELS = new Set(['WARN', 'WARNING']);
/** Identifiers worth asking for: blocks, containers, attempts, requests, uuids, BGL nodes, ip:port. */
const IDENTIFIER =
  /\b(?:blk_-?\d{6,}|container_\d+(?:_\d+){3}|attempt_\d+_\d+_[mr]_\d+_\d+|req-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|R\d\d-M\d-N\w-\w:J\d\d-U\d\d|rdd_\d+_\d+|\d{1,3}(?:\.\d{1,3}){3}:\d{2,5})\b/g;

/** The lines that are the problem: alerts, else errors, else warnings (or the system's own rule). */
export function problemLines(incident: LogIncident, records: readonly LogRecord[]): LogRecord[] {
  if (incident.problem !== undefined) return records.filter(incident.problem);
  const alerts = records.filter((r) => r.label !== '-');
  if (alerts.length > 0) return alerts;
  const alarms = records.filter((r) => ALARM_LEVELS.has(r.level));
  return alarms.length > 0 ? alarms : records.filter((r) => WARN_LEVELS.has(r.level));
}

/** Lines of each template, most frequent first (ties: the one seen first). */
function byTemplate(lines: readonly LogRecord[]): LogRecord[][] {
  const groups = new Map<string, LogRecord[]>();
  for (const r of lines) groups.set(r.eventId, [...(groups.get(r.eventId) ?? []), r]);
  return [...groups.values()].sort((a, b) => b.length - a.length || (a[0]?.index ?? 0) - (b[0]?.index ?? 0));
}

/** The timestamp of a line as printed, and its time-of-day part. */
export function stampOf(incident: LogIncident, record: LogRecord): string[] {
  const groups = incident.timestamp.exec(record.raw)?.groups;
  return groups === undefined ? [] : [...new Set([groups.stamp ?? '', groups.time ?? ''].filter((s) => s !== ''))];
}

/** Drafts about fetched `records`; `turnOf` maps a line index to the message that shows it. */
export function logDrafts(
  incident: LogIncident,
  records: readonly LogRecord[],
  turnOf: (index: number) => number,
): ProbeDraft[] {
  const problems = problemLines(incident, records);
  const groups = byTemplate(problems);
  const drafts: ProbeDraft[] = [];
  const fact = (name: string, kind: ProbeDraft['kind'], f: LineFact): ProbeDraft => ({
    name,
    kind,
    question: f.question,
    answers: f.answers,
    turn: turnOf(f.index),
  });
  const main = groups[0];
  const first = main?.[0];
  if (main !== undefined && first !== undefined) {
    drafts.push(
      fact('incident-first-seen', 'locate', {
        question: `When was "${first.template}" first logged?`,
        index: first.index,
        answers: stampOf(incident, first),
      }),
    );
    drafts.push({
      ...fact('incident-count', 'count', {
        question: `How many lines of the form "${first.template}" are in the logs fetched?`,
        index: first.index,
        answers: [String(main.length)],
      }),
      liveOnly: true,
    });
  }
  const cause = incident.cause?.(records);
  if (cause !== undefined && cause !== null) drafts.push(fact('cause', 'causal', cause));
  const rarest = groups[groups.length - 1]?.[0];
  // With one problem template and a cause of its own, the odd line would repeat the incident probes.
  if (rarest !== undefined && (groups.length > 1 || cause === undefined || cause === null)) {
    const level = rarest.label !== '-' ? `${rarest.label} alert` : `${rarest.level} line`;
    drafts.push(
      fact('odd-line', 'causal', {
        question: `What does the ${level} of the form "${rarest.template}" say, word for word?`,
        index: rarest.index,
        answers: [rarest.content],
      }),
    );
  }
  drafts.push(...firstSeenDrafts(incident, records, turnOf));
  drafts.push(...identifierDrafts(records, turnOf));
  return drafts;
}

/** Locate: when each other template first appears, so evidence spreads over every page. */
function firstSeenDrafts(
  incident: LogIncident,
  records: readonly LogRecord[],
  turnOf: (index: number) => number,
): ProbeDraft[] {
  const seen = new Set<string>();
  const drafts: ProbeDraft[] = [];
  for (const r of records) {
    if (seen.has(r.eventId) || r.eventId === '') continue;
    seen.add(r.eventId);
    const answers = stampOf(incident, r);
    if (r.index === 0 || answers.length === 0) continue;
    drafts.push({
      name: 'template-first-seen',
      kind: 'locate',
      question: `When was "${r.template}" first logged?`,
      answers,
      turn: turnOf(r.index),
    });
  }
  return drafts;
}

/** Exact: identifiers printed once, asked for by their line; negative: the same with a digit changed. */
function identifierDrafts(records: readonly LogRecord[], turnOf: (index: number) => number): ProbeDraft[] {
  const counts = new Map<string, number>();
  for (const r of records) for (const m of r.raw.matchAll(IDENTIFIER)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const drafts: ProbeDraft[] = [];
  for (const r of records) {
    const once = [...r.raw.matchAll(IDENTIFIER)].map((m) => m[0]).find((id) => counts.get(id) === 1);
    if (once === undefined) continue;
    drafts.push({
      name: 'identifier',
      kind: 'exact',
      question: `Which identifier is blanked out in this fetched log line: "${r.raw.replace(once, '____')}"?`,
      answers: [once],
      turn: turnOf(r.index),
    });
    for (const fake of nearMisses(once)) {
      drafts.push({
        name: 'absent-identifier',
        kind: 'negative',
        question: `Which log line mentions ${fake}, and what happened to it?`,
        answers: [fake],
        turn: turnOf(r.index),
      });
    }
  }
  return drafts;
}

/** The identifier with its last digit changed, each way: plausible, and (checked later) absent. */
function nearMisses(id: string): string[] {
  const at = id.search(/\d(?=\D*$)/);
  if (at < 0) return [];
  const digit = Number(id[at]);
  return [1, 2, 3].map((step) => `${id.slice(0, at)}${(digit + step) % 10}${id.slice(at + 1)}`);
}
