/**
 * Chart: what each configuration saves against what it loses, one panel per suite with probes: the
 * reduction net of retrieval across, the share of discriminating probes lost when first needed up.
 * The careful corner is bottom right; a destructive baseline sits right and high. The README's chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, configColor, configLabel } from './chart-style.ts';
import type { Summary, WorkloadSummary } from './summary.ts';

interface Point {
  readonly suite: string;
  readonly config: string;
  readonly role: string;
  readonly effective: number;
  readonly lost: number;
  readonly probes: number;
}

/** One point per suite x config, workloads added up; suites without scored probes are left out. */
function points(summary: Summary): Point[] {
  const groups = new Map<string, WorkloadSummary[]>();
  for (const row of summary.workloads)
    groups.set(`${row.suite}\u0000${row.config}`, [...(groups.get(`${row.suite}\u0000${row.config}`) ?? []), row]);
  const out: Point[] = [];
  for (const rows of groups.values()) {
    const first = rows[0] as WorkloadSummary;
    const add = (pick: (row: WorkloadSummary) => number): number => rows.reduce((n, row) => n + pick(row), 0);
    const probes = add((row) => row.probes.discriminating);
    const before = add((row) => row.tokens_before);
    if (probes === 0 || before === 0) continue;
    const effective = 1 - (add((row) => row.tokens_after) + add((row) => row.retrieval_tokens)) / before;
    const role = summary.configs.find((c) => c.name === first.config)?.role ?? 'custom';
    out.push({
      suite: first.suite,
      config: configLabel(summary, first.config),
      role,
      effective,
      lost: add((row) => row.probes.lost) / probes,
      probes,
    });
  }
  return out;
}

export function fidelityVsReductionChart(summary: Summary): TopLevelSpec {
  const values = points(summary);
  const suites = [...new Set(values.map((p) => p.suite))];
  const x = {
    field: 'effective',
    type: 'quantitative',
    title: 'reduction net of retrieval',
    axis: { format: '.0%' },
    scale: { domainMin: 0, domainMax: 1 },
  } as const;
  const y = {
    field: 'lost',
    type: 'quantitative',
    title: 'probes lost when needed',
    axis: { format: '.0%' },
    scale: { domainMin: 0, domainMax: 1 },
  } as const;
  return {
    title: {
      text: 'Reduction against fidelity',
      subtitle: [
        'each point a config over a suite (triangles: baselines);',
        'careful is bottom right, destructive baselines sit high',
      ],
    },
    // Small panels and the legend below them: the README shows this PNG at a page's width (~880 px),
    // where a wider image would shrink its labels below reading size.
    config: {
      ...CHART_CONFIG,
      legend: {
        ...CHART_CONFIG.legend,
        orient: 'bottom',
        direction: 'horizontal',
        columns: 3,
        labelLimit: 0,
        columnPadding: 12,
      },
    },
    columns: 3,
    // Panels laid out by their plots alone: a point's name may reach into the gap between panels.
    bounds: 'flush',
    spacing: { column: 70, row: 40 },
    concat: suites.map((suite) => ({
      title: { text: `suite ${suite}`, fontSize: 12, anchor: 'middle' },
      data: { values: values.filter((p) => p.suite === suite) },
      width: 200,
      height: 170,
      layer: [
        {
          mark: { type: 'point', filled: true, size: 80, tooltip: true },
          encoding: {
            x,
            y,
            color: configColor(summary),
            shape: {
              field: 'role',
              type: 'nominal',
              title: 'role',
              legend: null,
              scale: { domain: ['profile', 'baseline', 'custom'], range: ['circle', 'triangle-up', 'square'] },
            },
          },
        },
        // Names beside the points (the legend alone would send readers back and forth), on the side
        // facing the panel's middle so none reaches past its panel.
        {
          transform: [{ filter: 'datum.effective < 0.6' }],
          mark: { type: 'text', align: 'left', dx: 7, dy: -6, fontSize: 9, color: '#333' },
          encoding: { x, y, text: { field: 'config', type: 'nominal' } },
        },
        {
          transform: [{ filter: 'datum.effective >= 0.6' }],
          mark: { type: 'text', align: 'right', dx: -7, dy: -6, fontSize: 9, color: '#333' },
          encoding: { x, y, text: { field: 'config', type: 'nominal' } },
        },
      ],
    })),
    resolve: { scale: { x: 'shared', y: 'shared', color: 'shared' } },
  };
}
