import { describe, expect, it } from 'vitest';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { renderReductionMatrix } from './render-reduction-matrix.ts';
import { summarize } from './summarize.ts';
import { formatReduction } from './format-figures.ts';

describe('reduction matrix', () => {
  const summary = summarize(SMOKE_RUN);
  const table = renderReductionMatrix(summary, { published: { smoke: { sre: { before: 65_694, after: 5_118 } } } });
  const lines = table.split('\n');

  it('has one row per suite x workload and one column per config, in run order', () => {
    const groups = new Set(summary.workloads.map((w) => `${w.suite}/${w.workload}`));
    expect(lines).toHaveLength(2 + groups.size);
    expect(lines[0]).toMatch(/\| none \| json-minify \|/);
  });

  it('shows each config reduction exactly as summarize computed it', () => {
    for (const w of summary.workloads) {
      const row = lines.find((l) => l.startsWith(`| ${w.suite} | ${w.workload} |`));
      expect(row).toContain(formatReduction(w.reduction));
    }
  });

  it('puts the published figure beside the row it belongs to, and a dash elsewhere', () => {
    const published = lines.filter((l) => l.includes('92.2% (65,694 tokens)'));
    expect(published).toHaveLength(1);
    expect(published[0]).toMatch(/^\| smoke \| sre \|/);
    expect(lines.filter((l) => l.trimEnd().endsWith('| — |'))).toHaveLength(lines.length - 3);
    expect(lines.slice(2).every((l) => l.trimEnd().endsWith('|'))).toBe(true);
  });
});
