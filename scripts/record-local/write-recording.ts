/** Writes a recording to `<dir>/<id>.jsonl` and `<dir>/<id>.probes.jsonl`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Recording } from './record-session.ts';

/** The two file paths of a trace in a traces folder. */
export function tracePaths(dir: string, id: string): { trace: string; probes: string } {
  return { trace: path.join(dir, `${id}.jsonl`), probes: path.join(dir, `${id}.probes.jsonl`) };
}

/** Writes both files, replacing what was there. */
export function writeRecording(dir: string, recording: Recording): void {
  mkdirSync(dir, { recursive: true });
  const paths = tracePaths(dir, recording.session.id);
  writeFileSync(paths.trace, recording.traceText);
  writeFileSync(paths.probes, recording.probesText);
}
