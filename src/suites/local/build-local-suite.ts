/**
 * The `local` suite: sessions recorded by scripts/record-local.ts from real tools run over the
 * third-party code npm installed, read from traces/local/<id>.jsonl and <id>.probes.jsonl.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InvalidProbeError, PathError } from '../../errors.ts';
import { readProbes } from '../../bench/probe-io.ts';
import type { Probe } from '../../bench/probe.ts';
import type { SuiteContent } from '../../bench/suite.ts';
import { readTraceV1 } from '../../bench/trace-io.ts';
import type { Trace } from '../../bench/trace.ts';

/** Where the recorder writes the suite, under the project root. */
export const LOCAL_TRACES_FOLDER = path.join('traces', 'local');

const PROBES_SUFFIX = '.probes.jsonl';

/** The trace files of a folder (probe files excluded), sorted by name. */
async function traceFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new PathError(dir, 'no local traces folder; record it with `npx tsx scripts/record-local.ts`');
  }
  const files = names.filter((n) => n.endsWith('.jsonl') && !n.endsWith(PROBES_SUFFIX)).sort();
  if (files.length === 0)
    throw new PathError(dir, 'no local traces; record them with `npx tsx scripts/record-local.ts`');
  return files.map((n) => path.join(dir, n));
}

/** Reads every trace and the probes file beside it; a probe that names another trace is an error. */
export async function buildLocalSuite(tracesDir: string): Promise<SuiteContent> {
  const traces: Trace[] = [];
  const probes: Probe[] = [];
  for (const file of await traceFiles(tracesDir)) {
    const trace = await readTraceV1(file);
    const probesFile = file.slice(0, -'.jsonl'.length) + PROBES_SUFFIX;
    const own = await readProbes(probesFile);
    const stray = own.find((p) => p.trace !== trace.header.id);
    if (stray !== undefined)
      throw new InvalidProbeError(probesFile, null, stray.id, `names trace ${stray.trace}, not ${trace.header.id}`);
    traces.push(trace);
    probes.push(...own);
  }
  return { traces, probes };
}
