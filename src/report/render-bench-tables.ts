/** What `terse bench` prints and the README holds: the reduction table, then the fidelity table (when probes were scored). */
import { renderFidelityTable } from './render-fidelity-table.ts';
import type { RenderOptions } from './render-markdown.ts';
import { renderReductionMatrix } from './render-reduction-matrix.ts';
import type { Summary } from './summary.ts';

export function renderBenchTables(summary: Summary, options: RenderOptions = {}): string {
  const fidelity = renderFidelityTable(summary);
  // A header and its rule, no rows: no suite scored a probe.
  const hasFidelity = fidelity.split('\n').length > 2;
  return hasFidelity
    ? `${renderReductionMatrix(summary, options)}\n\n${fidelity}`
    : renderReductionMatrix(summary, options);
}
