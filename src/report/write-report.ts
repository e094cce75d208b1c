/**
 * Writes a run's report folder atomically: every file goes into `<outDir>.partial-<pid>`, which is
 * renamed to `outDir` only once all are written, so a folder named like a report is always complete.
 * Stored results are never overwritten.
 */
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { PathError, TerseError } from '../errors.ts';
import type { RunResult } from '../bench/replay-rows.ts';
import { REPORT_FORMATS, type ReportFileName, type ReportInput } from './report-formats.ts';
import type { RenderOptions } from './render-markdown.ts';
import { summarize } from './summarize.ts';
import type { BlockTextCollector } from './explore/block-texts.ts';
import type { Summary } from './summary.ts';

/** What a report folder is named while it is written; `PARTIAL_REPORT` matches such a name (never a finished report). */
const PARTIAL_SUFFIX = '.partial-';
export const PARTIAL_REPORT = /\.partial-\d+$/;

/** Where a written report lies. */
export interface ReportPaths {
  readonly dir: string;
  readonly files: Readonly<Record<ReportFileName, string>>;
  /** The summary written to summary.json, so callers need not compute it again. */
  readonly summary: Summary;
}

function errnoCode(error: unknown): string | null {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Refuses an `outDir` that holds anything: it may be a stored run. An empty folder is fine to fill. */
async function refuseExisting(dir: string): Promise<void> {
  try {
    const stats = await lstat(dir);
    if (!stats.isDirectory()) throw new PathError(dir, 'exists and is not a folder');
  } catch (error) {
    // Absent, or under a non-folder: preparing the parent reports the latter with its cause.
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    throw error instanceof TerseError ? error : new PathError(dir, `cannot be inspected: ${describe(error)}`);
  }
  const entries = await readdir(dir);
  if (entries.length === 0) return;
  throw new PathError(
    dir,
    entries.includes('summary.json')
      ? 'already holds a complete report; refusing to overwrite stored results'
      : 'already exists and is not empty; refusing to write a report into it',
  );
}

async function preparePartial(dir: string, partial: string): Promise<void> {
  try {
    await mkdir(path.dirname(dir), { recursive: true });
  } catch (error) {
    throw new PathError(dir, `its parent folder cannot be created: ${describe(error)}`);
  }
  try {
    // A leftover of a crashed run with the same pid is ours by name and incomplete by definition.
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial);
  } catch (error) {
    throw new PathError(dir, `its parent folder is not writable: ${describe(error)}`);
  }
}

async function writeAll(input: ReportInput, partial: string, dir: string): Promise<void> {
  for (const [name, write] of Object.entries(REPORT_FORMATS)) {
    try {
      await write(input, path.join(partial, name));
    } catch (error) {
      if (error instanceof TerseError) throw error;
      throw new PathError(path.join(dir, name), `could not be written: ${describe(error)}`);
    }
  }
}

/** Writes every report file of `result` (REPORT_FORMATS) into the new folder `outDir`; `texts` feed the page's drill-down. */
export async function writeReport(
  result: RunResult,
  outDir: string,
  options: RenderOptions = {},
  texts?: BlockTextCollector,
): Promise<ReportPaths> {
  const dir = path.resolve(outDir);
  // Summarizing first means rows a report cannot be made from fail before anything touches the disk.
  const summary = summarize(result);
  await refuseExisting(dir);
  const partial = `${dir}${PARTIAL_SUFFIX}${process.pid}`;
  await preparePartial(dir, partial);
  try {
    await writeAll({ result, summary, options, texts }, partial, dir);
    await rename(partial, dir);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    if (error instanceof TerseError) throw error;
    // Rename fails when another writer filled outDir in the meantime.
    throw new PathError(dir, `could not be put in place: ${describe(error)}`);
  }
  const files = Object.fromEntries(Object.keys(REPORT_FORMATS).map((name) => [name, path.join(dir, name)]));
  return { dir, files: files as Record<ReportFileName, string>, summary };
}
