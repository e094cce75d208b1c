/** `terse compare A B [--json]`: paired comparison of two reports. */
import { compareSummaries } from '../report/compare-runs.ts';
import { readSummary } from '../report/read-summary.ts';
import { renderComparison } from '../report/render-comparison.ts';

export async function compareCommand(a: string, b: string, json: boolean): Promise<number> {
  const comparison = compareSummaries(await readSummary(a), await readSummary(b));
  process.stdout.write(json ? `${JSON.stringify(comparison, null, 2)}\n` : `${renderComparison(comparison)}\n`);
  return 0;
}
