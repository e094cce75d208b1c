/** A suite that is a folder of trace files with `*.probes.jsonl` beside them. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { collectTraceFiles, loadTrace } from './importers/load-session.ts';
import { readProbes } from './probe-io.ts';
import type { Probe } from './probe.ts';
import type { SuiteBuild } from './suite.ts';
import type { Trace } from './trace.ts';

/** Loads every trace and every probes file of `dir`. */
export async function buildTraceFilesSuite(dir: string): Promise<SuiteBuild> {
  if (!existsSync(dir)) return { state: 'skipped', reason: `${dir} does not exist` };
  const traces: Trace[] = [];
  for (const file of await collectTraceFiles([dir])) traces.push(await loadTrace(file));
  const probes: Probe[] = [];
  const probeFiles = readdirSync(dir)
    .filter((n) => n.endsWith('.probes.jsonl'))
    .sort();
  for (const name of probeFiles) probes.push(...(await readProbes(path.join(dir, name))));
  return { state: 'ready', traces, probes };
}
