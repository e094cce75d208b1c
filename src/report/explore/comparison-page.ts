/** report.html of run b turned into the comparison of a with b: the page's comparison slot filled in. */
import { ReportInputError } from '../../errors.ts';
import type { RunComparison } from '../compare-runs.ts';
import { scriptSafeJson } from './explore-data.ts';

const SLOT = '<script type="application/json" id="terse-comparison">null</script>';

/** The page `html` showing `comparison`; a page without the slot (an older report) is refused by name. */
export function comparisonPage(html: string, comparison: RunComparison, file: string): string {
  if (!html.includes(SLOT))
    throw new ReportInputError(
      file,
      'this report.html has no comparison view (written by an older terse); compare with `terse compare A B`',
    );
  return html.replace(
    SLOT,
    () => `<script type="application/json" id="terse-comparison">${scriptSafeJson(comparison)}</script>`,
  );
}
