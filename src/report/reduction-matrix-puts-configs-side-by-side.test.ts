import { describe, expect, it } from 'vitest';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { renderFidelityTable } from './render-fidelity-table.ts';
import { renderReductionMatrix } from './render-reduction-matrix.ts';
import { summarize } from './summarize.ts';
import { formatReduction } from './format-figures.ts';
import type { RunResult } from '../bench/replay-rows.ts';

// The smoke run with its json-minify pairs replayed again as `balanced`, and its `none` as a destructive baseline.
const WITH_HEADLINE: RunResult = {
  ...SMOKE_RUN,
  run: { ...SMOKE_RUN.run, configs: ['none', 'json-minify', 'balanced', 'drop-all'] },
  configs: [
    ...SMOKE_RUN.configs,
    { name: 'balanced', role: 'profile', description: 'every compressor' },
    { name: 'drop-all', role: 'baseline', description: 'every tool output behind one marker' },
  ],
  pairs: [
    ...SMOKE_RUN.pairs,
    ...SMOKE_RUN.pairs.flatMap((pair) =>
      pair.state === 'ok' && pair.config === 'json-minify' ? [{ ...pair, config: 'balanced' }] : [],
    ),
    ...SMOKE_RUN.pairs.flatMap((pair) =>
      pair.state === 'ok' && pair.config === 'none'
        ? [
            {
              ...pair,
              config: 'drop-all',
              probes: pair.probes.map((row) =>
                row.outcome === 'survived' && row.discriminating ? { ...row, outcome: 'lost' as const } : row,
              ),
            },
          ]
        : [],
    ),
  ],
};

describe('reduction matrix', () => {
  const summary = summarize(WITH_HEADLINE);
  const table = renderReductionMatrix(summary, { published: { smoke: { sre: { before: 65_694, after: 5_118 } } } });
  const lines = table.split('\n');

  it('has one row per suite x workload and one column per terse config, in run order, baselines left out', () => {
    const groups = new Set(summary.workloads.map((w) => `${w.suite}/${w.workload}`));
    expect(lines).toHaveLength(2 + groups.size);
    expect(lines[0]).toMatch(
      /\| json-minify \| balanced \| balanced effective \| balanced tool output \| balanced probes lost \| published \|$/,
    );
    expect(lines[0]).not.toMatch(/none|drop-all/);
  });

  it('shows each config reduction, and balanced net of retrieval and of tool output alone, exactly as summarize computed them', () => {
    for (const w of summary.workloads) {
      const row = lines.find((l) => l.startsWith(`| ${w.suite} | ${w.workload} |`));
      if (w.config === 'json-minify' || w.config === 'balanced')
        expect(row).toContain(`| ${formatReduction(w.reduction)} |`);
      if (w.config === 'balanced')
        expect(row).toContain(
          `| ${formatReduction(w.effective_reduction)} | ${formatReduction(w.tool_output_reduction)} | ${w.probes.lost} / ${w.probes.discriminating} |`,
        );
    }
  });

  it('puts the published figure beside the row it belongs to, and a dash elsewhere', () => {
    const published = lines.filter((l) => l.includes('92.2% (65,694 tokens)'));
    expect(published).toHaveLength(1);
    expect(published[0]).toMatch(/^\| smoke \| sre \|/);
    expect(lines.slice(2).every((l) => l.trimEnd().endsWith('|'))).toBe(true);
  });
});

describe('fidelity table', () => {
  const summary = summarize(WITH_HEADLINE);
  const lines = renderFidelityTable(summary).split('\n');

  it('has a row per suite and config, baselines labelled as such', () => {
    expect(lines[0]).toBe(
      '| suite | config | reduction | effective | probes | survived | retrieved | lost when needed | lost at end | near misses invented | retrieval calls | $ saved: Anthropic / OpenAI cache rules | cache busts |',
    );
    expect(lines.filter((l) => l.startsWith('| smoke |')).map((l) => l.split(' | ')[1])).toEqual([
      'none',
      'json-minify',
      'balanced',
      'drop-all (baseline)',
    ]);
  });

  it('shows the baseline losing what the profiles keep', () => {
    const dropAll = lines.find((l) => l.startsWith('| smoke | drop-all (baseline) |')) ?? '';
    const none = lines.find((l) => l.startsWith('| smoke | none |')) ?? '';
    // smoke's discriminating probes, first point: 4 under none (all survived), all lost under the baseline.
    expect(none).toContain('| 4 | 4 | 0 | 0 (0.0%) |');
    expect(dropAll).toContain('| 4 | 0 | 0 | 4 (100.0%) |');
  });
});
