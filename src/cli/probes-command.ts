/** `terse probes check PROBES TRACES...` */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { InvalidProbeError, PathError } from '../errors.ts';
import { deriveProbes } from '../bench/derive/derive-probes.ts';
import { collectTraceFiles, loadTrace } from '../bench/importers/load-session.ts';
import { checkProbes, type SourcedProbe } from '../bench/probe-check.ts';
import { readProbes } from '../bench/probe-io.ts';
import type { Trace } from '../bench/trace.ts';
import { probeCheckRows } from '../bench/probe-screening.ts';
import { markdownTable } from '../report/markdown-table.ts';
import { checkNewFile } from './output-target.ts';

/** Throws the first problem (after printing every one) when any probe does not check. */
export function assertProbesCheck(probes: readonly SourcedProbe[], traces: readonly Trace[]): void {
  const errors = checkProbes(probes, traces);
  if (errors.length === 0) return;
  for (const error of errors.slice(1)) process.stderr.write(`terse: ${error.message}\n`);
  throw errors[0] as InvalidProbeError;
}

const yesNo = (value: boolean | null): string => (value === null ? '—' : value ? 'yes' : 'no');

/**
 * Checks every probe of the file against the traces, then says of each whether it can tell configs
 * apart: its answer sits only in tool output at its first scoring point (else where else it sits),
 * and whether it is ambiguous (more than once in tool output). Ends with a one-line verdict.
 */
export async function probesCheckCommand(probesFile: string, tracePaths: readonly string[]): Promise<number> {
  const sourced = (await readProbes(probesFile)).map((probe) => ({ probe, file: probesFile }));
  const traces: Trace[] = [];
  for (const file of await collectTraceFiles([...tracePaths])) traces.push(await loadTrace(file));
  assertProbesCheck(sourced, traces);
  const rows = probeCheckRows(
    traces,
    sourced.map((s) => s.probe),
  );
  const table = markdownTable(
    [
      { header: 'probe', align: 'left' },
      { header: 'kind', align: 'left' },
      { header: 'discriminating', align: 'left' },
      { header: 'answer also in', align: 'left' },
      { header: 'ambiguous', align: 'left' },
    ],
    rows.map((row) => [row.probe, row.kind, yesNo(row.discriminating), row.alsoIn ?? '—', yesNo(row.ambiguous)]),
  );
  const judged = rows.filter((row) => row.discriminating !== null);
  const discriminating = judged.filter((row) => row.discriminating === true).length;
  const ambiguous = judged.filter((row) => row.ambiguous === true).length;
  process.stdout.write(
    `${table}\n\n${sourced.length} probes check against ${traces.length} traces; ${discriminating} of ${judged.length} scored offline discriminate (${judged.length - discriminating} have their answer outside tool output), ${ambiguous} ambiguous\n`,
  );
  return 0;
}

/** `terse probes derive TRACES... [-o FILE]`: probes derived from the traces' tool outputs, screened, as JSONL. */
export async function probesDeriveCommand(
  tracePaths: readonly string[],
  out: string | undefined,
  force = false,
): Promise<number> {
  if (out !== undefined) checkNewFile(out, force, '--out');
  const traces: Trace[] = [];
  for (const file of await collectTraceFiles([...tracePaths])) traces.push(await loadTrace(file));
  const { probes, screening } = deriveProbes(traces);
  const text = probes.map((probe) => JSON.stringify(probe)).join('\n') + (probes.length > 0 ? '\n' : '');
  if (out === undefined) process.stdout.write(text);
  else writeFileAtomically(out, text);
  process.stderr.write(
    `derived ${screening.derived} probes from ${traces.length} traces: ${screening.non_discriminating} dropped (answer outside tool output), ${screening.near_misses} near misses added, ${screening.kept} kept\n`,
  );
  return 0;
}

/** Writes beside the target, then renames: a failed run never leaves half a file. */
function writeFileAtomically(file: string, text: string): void {
  const partial = `${file}.partial-${process.pid}`;
  try {
    writeFileSync(partial, text);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new PathError(
      file,
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message,
    );
  }
}
