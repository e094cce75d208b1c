/**
 * Makes a command's output machine- and time-independent: absolute paths become fixed roots, and
 * each step's masks replace what differs between runs (durations, pids, memory).
 */
import type { Mask } from './session.ts';

/** The fixed root the repository is shown under in every trace. */
export const SHOWN_ROOT = '/repo';
/** The fixed name the session's work directory is shown under. */
export const SHOWN_WORK = '/tmp/work';

/** The real directories of one recording, and how they are shown. */
export interface PathMap {
  readonly root: string;
  readonly work: string;
}

function replaceAll(text: string, from: string, to: string): string {
  return from === '' ? text : text.split(from).join(to);
}

/** Replaces real paths with the fixed ones, then applies the step's masks in order. */
export function normalise(text: string, paths: PathMap, masks: readonly Mask[] = []): string {
  // The work directory sits outside the root, but replace the longer path first in case it does not.
  const ordered = [
    [paths.work, SHOWN_WORK],
    [paths.root, SHOWN_ROOT],
  ].sort((a, b) => (b[0] ?? '').length - (a[0] ?? '').length);
  let out = text;
  for (const [from, to] of ordered) out = replaceAll(out, from ?? '', to ?? '');
  for (const mask of masks) out = out.replace(mask.pattern, mask.replacement);
  return out;
}

/** Sorts each run of adjacent lines matching `pattern`, so concurrent log lines come in one order. */
export function sortRuns(text: string, patterns: readonly RegExp[]): string {
  const lines = text.split('\n');
  for (const given of patterns) {
    // A global pattern would carry lastIndex from one test() to the next.
    const pattern = new RegExp(given.source, given.flags.replace('g', ''));
    let start = 0;
    while (start < lines.length) {
      if (!pattern.test(lines[start] ?? '')) {
        start++;
        continue;
      }
      let end = start;
      while (end < lines.length && pattern.test(lines[end] ?? '')) end++;
      const run = lines.slice(start, end).sort();
      lines.splice(start, run.length, ...run);
      start = end;
    }
  }
  return lines.join('\n');
}

/** Masks shared by several sessions; each pattern is global so every occurrence is replaced. */
export const MASKS = {
  /** `12ms`, `1.5s`, `0.01s` style durations. */
  durations: { pattern: /\b\d+(?:\.\d+)?(?:ms|s)\b/g, replacement: '<duration>' },
  /** ISO timestamps and npm's log-file form `2026-11-25T15_41_49_696Z`. */
  timestamps: {
    pattern: /\d{4}-\d\d-\d\dT\d\d[:_]\d\d[:_]\d\d(?:[._]\d+)?Z/g,
    replacement: '2000-01-01T00:00:00.000Z',
  },
  /** Node test runner timings. */
  testDurations: { pattern: /duration_ms:? \d+(?:\.\d+)?/g, replacement: 'duration_ms <duration>' },
  /** JUnit XML test times, in seconds. */
  junitTimes: { pattern: /time="\d+(?:\.\d+)?"/g, replacement: 'time="<duration>"' },
  /** tsc --extendedDiagnostics memory. */
  memory: { pattern: /Memory used: +\d+K/g, replacement: 'Memory used: <memory>K' },
  /** npm's heap sizing, taken from the machine's memory. */
  npmHeap: {
    pattern: /heap:\d+ maxSize:\d+ maxEntrySize:\d+/g,
    replacement: 'heap:<bytes> maxSize:<bytes> maxEntrySize:<bytes>',
  },
  /** npm's unfinished-timer lines carry an epoch time in milliseconds. */
  npmTimers: { pattern: /(npm timer \S+) \d+/g, replacement: '$1 <time>' },
  /** The kernel release in `npm verbose os`. */
  kernel: { pattern: /(verbose os \w+) \S+/g, replacement: '$1 <release>' },
} satisfies Record<string, Mask>;
