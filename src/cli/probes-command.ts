/** `terse probes check PROBES TRACES...` */
import { InvalidProbeError } from '../errors.ts';
import { collectTraceFiles, loadTrace } from '../bench/importers/load-session.ts';
import { checkProbes, type SourcedProbe } from '../bench/probe-check.ts';
import { readProbes } from '../bench/probe-io.ts';
import type { Trace } from '../bench/trace.ts';

/** Throws the first problem (after printing every one) when any probe does not check. */
export function assertProbesCheck(probes: readonly SourcedProbe[], traces: readonly Trace[]): void {
  const errors = checkProbes(probes, traces);
  if (errors.length === 0) return;
  for (const error of errors.slice(1)) process.stderr.write(`terse: ${error.message}\n`);
  throw errors[0] as InvalidProbeError;
}

/** Checks every probe of the file against the traces; prints a one-line verdict. */
export async function probesCheckCommand(probesFile: string, tracePaths: readonly string[]): Promise<number> {
  const probes = (await readProbes(probesFile)).map((probe) => ({ probe, file: probesFile }));
  const traces: Trace[] = [];
  for (const file of await collectTraceFiles([...tracePaths])) traces.push(await loadTrace(file));
  assertProbesCheck(probes, traces);
  process.stdout.write(`${probes.length} probes check against ${traces.length} traces\n`);
  return 0;
}
