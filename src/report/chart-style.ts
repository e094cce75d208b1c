/** What every report chart shares: the font resvg is given, the look, and one colour per config. */
import type { Config } from 'vega-lite';
import type { Summary } from './summary.ts';

/** The family charts name; the PNG renderer loads exactly this font, so text never silently drops. */
export const CHART_FONT = 'DejaVu Sans';

/** Vega-lite config of every chart. A white background, so PNGs read the same on dark pages. */
export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 8,
  title: { anchor: 'start', fontSize: 14, subtitleFontSize: 11, subtitleColor: '#555' },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 220 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 220 },
  header: { labelFontSize: 12, titleFontSize: 12 },
};

/** Vega's tableau10 scheme, spelled out so a chart can put another colour in front of it. */
export const CONFIG_COLOURS: readonly string[] = [
  '#4c78a8',
  '#f58518',
  '#e45756',
  '#72b7b2',
  '#54a24b',
  '#eeca3b',
  '#b279a2',
  '#ff9da6',
  '#9d755d',
  '#bab0ac',
];

/** How a chart names a config: baselines say so, so no one reads one for a terse profile. */
export function configLabel(summary: Summary, config: string): string {
  const role = summary.configs.find((c) => c.name === config)?.role;
  return role === 'baseline' && config !== 'none' ? `${config} (baseline)` : config;
}

/** Config labels in the order the summary lists them (the run's order), so colours and rows agree across charts. */
export function configsOf(summary: Summary): string[] {
  const configs = new Set<string>();
  for (const row of summary.results) configs.add(row.config);
  for (const row of summary.workloads) configs.add(row.config);
  return [...configs].map((config) => configLabel(summary, config));
}

/** The colour channel of a chart whose marks are configs. */
export function configColor(summary: Summary) {
  return {
    field: 'config',
    type: 'nominal',
    title: 'config',
    // A fixed domain keeps `none` the same colour in every chart, whatever each chart's data holds.
    scale: { domain: configsOf(summary), range: [...CONFIG_COLOURS] },
  } as const;
}
