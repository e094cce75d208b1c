/** Writes `explore/`: one script per trace holding its block texts, which report.html loads on demand. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '../../bench/replay-rows.ts';
import type { BlockTextCollector } from './block-texts.ts';
import { scriptSafeJson, traceTextsFile } from './explore-data.ts';

/** The global function each trace script calls; the page defines it before loading one. */
export const TEXTS_CALLBACK = 'terseTraceTexts';

/** Whether `texts` holds anything for `trace`. */
export function hasTraceTexts(texts: BlockTextCollector | undefined, trace: string): boolean {
  if (texts === undefined) return false;
  const { before, after } = texts.textsOf(trace);
  return Object.keys(before).length > 0 || Object.keys(after).length > 0;
}

/**
 * Creates `dir` (the report's `explore/`) and writes the texts of each trace that has some. A script,
 * not JSON: a page opened from disk (file://) may load scripts beside it but not fetch files.
 */
export async function writeExplore(
  result: RunResult,
  texts: BlockTextCollector | undefined,
  dir: string,
): Promise<void> {
  await mkdir(dir);
  for (const [index, trace] of result.traces.entries()) {
    if (!hasTraceTexts(texts, trace.trace) || texts === undefined) continue;
    const file = path.join(path.dirname(dir), traceTextsFile(index));
    await writeFile(file, `${TEXTS_CALLBACK}(${index}, ${scriptSafeJson(texts.textsOf(trace.trace))});\n`, {
      flag: 'wx',
    });
  }
}
