/** `terse compare A B [--json]`: paired comparison of two reports; exits 1 when b saves significantly less. */
import { ReportInputError } from '../errors.ts';
import { compareSummaries } from '../report/compare-runs.ts';
import { readSummary } from '../report/read-summary.ts';
import { renderComparison } from '../report/render-comparison.ts';
import { EXIT_CODES } from './exit-codes.ts';

export async function compareCommand(a: string, b: string, json: boolean): Promise<number> {
  const comparison = compareSummaries(await readSummary(a), await readSummary(b));
  if (comparison.pairs.length === 0 && (comparison.live === null || comparison.live.length === 0)) {
    throw new ReportInputError(
      `${a} and ${b}`,
      `no (trace, config) pair in common (${comparison.only_in_a.length} pairs only in a, ${comparison.only_in_b.length} only in b): nothing to compare`,
    );
  }
  process.stdout.write(json ? `${JSON.stringify(comparison, null, 2)}\n` : `${renderComparison(comparison)}\n`);
  // A regression: some config's whole 95% interval of the change in reduction lies below zero.
  const worse = comparison.by_config.filter((s) => s.ci95 !== null && s.ci95.high < 0).map((s) => s.config);
  if (worse.length === 0) return EXIT_CODES.ok;
  process.stderr.write(`terse: b saves less than a for ${worse.join(', ')} (95% interval below zero)\n`);
  return EXIT_CODES.failed;
}
