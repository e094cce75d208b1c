/**
 * Chart: the tune's frontier. Left, every point of the grid over the search traces, effective
 * reduction across and probes lost when first needed up, the Pareto-optimal ones joined by a line;
 * right, the frontier, the chosen point and the reference again over the held-out traces. Better is
 * right and low; a chosen point that holds stays right of the reference and no higher on both sides.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './chart-style.ts';
import type { TuneScore } from './tune-scores.ts';
import type { TuneSummary } from './tune-summary.ts';
import { tunePointLabels } from './tune-point-labels.ts';

type Role = 'grid point' | 'Pareto-optimal' | 'chosen' | 'reference';
const ROLES: readonly Role[] = ['grid point', 'Pareto-optimal', 'chosen', 'reference'];
const ROLE_COLOURS: readonly string[] = ['#bab0ac', '#4c78a8', '#54a24b', '#e45756'];

interface Point {
  readonly config: string;
  /** The names drawn beside the point: the reference, the chosen and the frontier points (ties together). */
  readonly label: string;
  /** What the point sets, for the tooltip. */
  readonly settings: string;
  readonly role: Role;
  readonly effective: number;
  readonly lost: number;
  readonly probes: string;
  /** On the search traces' Pareto frontier. */
  readonly frontier: boolean;
  /** 0: the name goes just above the point; 1: a line higher, so names of neighbours at one height alternate. */
  readonly labelRow: number;
}

function pointsOf(summary: TuneSummary, scores: readonly TuneScore[]): Point[] {
  const labels = tunePointLabels(summary.points);
  const roleOf = (config: string): Role =>
    config === summary.reference
      ? 'reference'
      : config === summary.chosen
        ? 'chosen'
        : summary.frontier.includes(config)
          ? 'Pareto-optimal'
          : 'grid point';
  const valid = scores.filter((score) => score.errors === 0);
  // Points that tie draw on top of each other: the first of them carries every name, the others none.
  const named = new Map<string, string[]>();
  for (const score of valid) {
    if (roleOf(score.config) === 'grid point') continue;
    const at = `${score.effective_reduction}/${score.lost}/${score.discriminating}`;
    named.set(at, [...(named.get(at) ?? []), score.config]);
  }
  // Named points at one height, left to right: every other one has its name a line higher, so neighbours' names do not overlap.
  const rows = new Map<string, number>();
  const labelled = valid.filter(
    (score) => named.get(`${score.effective_reduction}/${score.lost}/${score.discriminating}`)?.[0] === score.config,
  );
  for (const height of new Set(labelled.map((score) => score.lost))) {
    labelled
      .filter((score) => score.lost === height)
      .sort((a, b) => a.effective_reduction - b.effective_reduction)
      .forEach((score, index) => rows.set(score.config, index % 2));
  }
  return valid.map((score) => {
    const names = named.get(`${score.effective_reduction}/${score.lost}/${score.discriminating}`) ?? [];
    return {
      config: score.config,
      label: names[0] === score.config ? names.join(', ') : '',
      settings: labels.get(score.config) ?? score.config,
      role: roleOf(score.config),
      effective: score.effective_reduction,
      lost: score.discriminating === 0 ? 0 : score.lost / score.discriminating,
      probes: `${score.lost} of ${score.discriminating}`,
      frontier: summary.frontier.includes(score.config),
      labelRow: rows.get(score.config) ?? 0,
    };
  });
}

/** The frontier chart of a tune. */
export function tuneFrontierChart(summary: TuneSummary): TopLevelSpec {
  const x = {
    field: 'effective',
    type: 'quantitative',
    title: 'effective reduction (net of retrieval)',
    axis: { format: '.1~%' },
    scale: { zero: false },
  } as const;
  const y = {
    field: 'lost',
    type: 'quantitative',
    title: 'probes lost when needed',
    axis: { format: '.1%' },
    scale: { domainMin: 0 },
  } as const;
  const color = {
    field: 'role',
    type: 'nominal',
    title: 'point',
    scale: { domain: [...ROLES], range: [...ROLE_COLOURS] },
  } as const;
  const panels = [
    { title: 'search traces', values: pointsOf(summary, summary.search) },
    { title: 'held-out traces', values: pointsOf(summary, summary.held_out) },
  ];
  return {
    title: {
      text: `Tuning on ${summary.suite}: effective reduction against probes lost`,
      subtitle: `${summary.search.length - 1} grid points and ${summary.reference} on ${summary.split.search.length} search traces; the frontier rechecked on ${summary.split.held_out.length} held-out traces`,
    },
    config: CHART_CONFIG,
    concat: panels.map(({ title, values }) => ({
      title: { text: title, fontSize: 12, anchor: 'middle' },
      data: { values },
      width: 320,
      height: 240,
      layer: [
        // The search traces' frontier as a step line, and the same points joined on the held-out traces.
        {
          transform: [{ filter: 'datum.frontier' }],
          mark: { type: 'line', color: '#4c78a8', strokeDash: [4, 3], interpolate: 'step-after' },
          encoding: { x, y, order: { field: 'effective', type: 'quantitative' } },
        },
        {
          mark: { type: 'point', filled: true, size: 70 },
          encoding: {
            x,
            y,
            color,
            tooltip: [
              { field: 'config', type: 'nominal' },
              { field: 'settings', type: 'nominal' },
              { field: 'effective', type: 'quantitative', format: '.1%' },
              { field: 'probes', type: 'nominal', title: 'lost' },
            ],
          },
        },
        // Names beside the points that matter; the grid's other points stay unlabelled.
        ...[-7, -19].map((dy, row) => ({
          transform: [{ filter: `datum.labelRow === ${row}` }],
          mark: { type: 'text' as const, align: 'left' as const, dx: 6, dy, fontSize: 9, color: '#333' },
          encoding: { x, y, text: { field: 'label', type: 'nominal' as const } },
        })),
      ],
    })),
    // One scale of probes lost for both panels, so a held-out panel with none lost still reads as low.
    resolve: { scale: { color: 'shared', y: 'shared' } },
  };
}
