/** Reads a `summary.json` (or the report folder holding one) back, checking its version. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PathError, ReportInputError } from '../errors.ts';
import { SUMMARY_VERSION, type Summary } from './summary.ts';
import { PARTIAL_REPORT } from './write-report.ts';

/** `where` is a report folder or a summary.json file. */
export async function readSummary(where: string): Promise<Summary> {
  let file = where;
  try {
    if ((await stat(where)).isDirectory()) file = path.join(where, 'summary.json');
  } catch {
    throw new PathError(where, 'no such file or directory');
  }
  // The report writer works in `<out>.partial-<pid>` and renames it once complete: this one never was.
  if (PARTIAL_REPORT.test(path.basename(path.dirname(path.resolve(file))))) {
    throw new ReportInputError(
      path.dirname(file),
      'an unfinished report (its run stopped before the report was complete): re-run it',
    );
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new PathError(file, 'no summary.json here (is it a report folder?)');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReportInputError(file, `not JSON: ${(error as Error).message}`);
  }
  const v = value as Partial<Summary> | null;
  if (v === null || typeof v !== 'object') throw new ReportInputError(file, 'not a summary object');
  if (v.version !== SUMMARY_VERSION) {
    // An older summary has other probe fields: reading it as this version would show wrong figures.
    const found =
      typeof v.version === 'number'
        ? `version ${v.version}, from an older terse: re-run the bench to compare`
        : 'no version';
    throw new ReportInputError(`${file}: version`, `must be ${SUMMARY_VERSION}, found ${found}`);
  }
  if (!Array.isArray(v.results) || typeof v.run !== 'object' || v.run === null)
    throw new ReportInputError(`${file}: results`, 'missing run or results');
  return v as Summary;
}
