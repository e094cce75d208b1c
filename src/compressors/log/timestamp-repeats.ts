/**
 * Records kept verbatim that repeat an earlier kept record but for their timestamp (a WARN a service
 * logs every few seconds): each is written once, at its first occurrence, with the timestamps of its
 * repeats on the line under it, so every record stays readable, whole, from the text:
 *
 *   2015-07-29 19:13:17,524 - WARN  [SendWorker:1889:QuorumCnxManager$SendWorker@688] - Send worker leaving thread
 *     (same line again at 19:13:37,626, 19:13:44,301, 19:14:07,653)
 *
 * A repeat at time T is the first line with its timestamp replaced by T, character for character.
 */
import type { LogRecord } from './log-records.ts';

/** Where each kept record goes: written out (with the repeats that fold into it) or folded into an earlier one. */
export interface TimestampRepeats {
  /** Indexes into the kept list that are written out, in order. */
  readonly written: readonly number[];
  /** For a written record, the timestamps of the kept records that repeat it, in order. */
  readonly repeatsOf: ReadonlyMap<number, readonly string[]>;
}

/** The line with its timestamp cut out, as a comparison key; null when it has none or spans lines. */
function keyOf(lines: readonly string[], record: LogRecord): string | null {
  if (record.timestamp === null || record.end - record.start !== 1) return null;
  const line = lines[record.start] as string;
  const at = line.indexOf(record.timestamp);
  return at < 0 ? null : `${at}\u0000${line.slice(0, at)}\u0000${line.slice(at + record.timestamp.length)}`;
}

/** Folds each kept single-line record that repeats an earlier kept one but for its timestamp into that one. */
export function timestampRepeats(
  lines: readonly string[],
  records: readonly LogRecord[],
  kept: readonly number[],
): TimestampRepeats {
  const firstByKey = new Map<string, number>();
  const repeatsOf = new Map<number, string[]>();
  const written: number[] = [];
  for (const index of kept) {
    const record = records[index] as LogRecord;
    const key = keyOf(lines, record);
    const first = key === null ? undefined : firstByKey.get(key);
    if (first === undefined) {
      if (key !== null) firstByKey.set(key, index);
      written.push(index);
      continue;
    }
    const times = repeatsOf.get(first) ?? [];
    times.push(record.timestamp as string);
    repeatsOf.set(first, times);
  }
  return { written, repeatsOf };
}

/** `stamp` without the date part it shares with `first` (the part before the first space). */
function shortStamp(first: string, stamp: string): string {
  const space = first.indexOf(' ');
  return space > 0 && stamp.startsWith(first.slice(0, space + 1)) ? stamp.slice(space + 1) : stamp;
}

/** The line under a record that lists its repeats' timestamps. */
export function repeatsLine(firstStamp: string, stamps: readonly string[]): string {
  return `  (same line again at ${stamps.map((stamp) => shortStamp(firstStamp, stamp)).join(', ')})`;
}
