/** Decides which log records stay verbatim and which fold into their template's count. */
import { SEVERITY_RANK, type Severity } from '../../detect/log-line-grammar.ts';
import type { LogRecord } from './log-records.ts';

/** A template whose repeats were folded: counts cover every occurrence in the original. */
export interface FoldedTemplate {
  readonly template: string;
  readonly occurrences: number;
  readonly omitted: number;
  readonly firstTimestamp: string | null;
  readonly lastTimestamp: string | null;
}

/** What to keep (record indexes, in order) and what the folded templates say. */
export interface FoldPlan {
  readonly kept: readonly number[];
  readonly folded: readonly FoldedTemplate[];
  readonly omittedLines: number;
}

/** Which records a profile keeps whatever their template. */
export interface FoldRules {
  /** Records at this severity or worse are never folded. */
  readonly keepFrom: Severity;
  /** Keeps records that mention something the conversation named. */
  readonly mentioned: (record: LogRecord) => boolean;
}

interface TemplateTally {
  template: string;
  occurrences: number;
  omitted: number;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  order: number;
}

/**
 * Keeps severe records, the first record of each template and mentioned records; folds the rest.
 * A template with a single repeat keeps it: a table row would cost what the line costs.
 */
export function planFolds(records: readonly LogRecord[], templates: readonly string[], rules: FoldRules): FoldPlan {
  const tallies = new Map<string, TemplateTally>();
  const foldable: number[] = [];
  const keep = new Array<boolean>(records.length).fill(false);
  const floor = SEVERITY_RANK[rules.keepFrom];
  records.forEach((record, index) => {
    const template = templates[index] as string;
    let tally = tallies.get(template);
    const first = tally === undefined;
    if (tally === undefined) {
      tally = {
        template,
        occurrences: 0,
        omitted: 0,
        firstTimestamp: record.timestamp,
        lastTimestamp: null,
        order: tallies.size,
      };
      tallies.set(template, tally);
    }
    tally.occurrences += 1;
    tally.lastTimestamp = record.timestamp ?? tally.lastTimestamp;
    const severe = record.severity !== null && SEVERITY_RANK[record.severity] >= floor;
    if (first || severe || rules.mentioned(record)) keep[index] = true;
    else {
      tally.omitted += 1;
      foldable.push(index);
    }
  });
  let omittedLines = 0;
  for (const index of foldable) {
    const tally = tallies.get(templates[index] as string) as TemplateTally;
    const record = records[index] as LogRecord;
    if (tally.omitted < 2) {
      keep[index] = true;
      tally.omitted = 0;
    } else omittedLines += record.end - record.start;
  }
  const kept = keep.flatMap((kept, index) => (kept ? [index] : []));
  const folded = [...tallies.values()]
    .filter((tally) => tally.omitted > 0)
    .sort((a, b) => a.order - b.order)
    .map(({ template, occurrences, omitted, firstTimestamp, lastTimestamp }) => ({
      template,
      occurrences,
      omitted,
      firstTimestamp,
      lastTimestamp,
    }));
  return { kept, folded, omittedLines };
}
