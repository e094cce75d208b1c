/**
 * The scaling chart: p50 time against input tokens, both axes logarithmic, one line per compressor
 * and the limits dashed. On a log-log chart a linear cost is a line of slope 1; points drawn as
 * triangles lie past the size from which a series stays steeper than that (perf-scaling.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, CONFIG_COLOURS } from '../../src/report/chart-style.ts';
import type { PerfRow } from './perf-measure.ts';
import { scalingOf, seriesOf } from './perf-scaling.ts';

/** The chart's spec; the limits shown are the ones the table shows. */
export function perfScalingChart(rows: readonly PerfRow[]): TopLevelSpec {
  const values: { series: string; group: string; tokens: number; p50: number; step: string }[] = [];
  for (const series of seriesOf(rows).values()) {
    const first = series[0];
    if (
      first === undefined ||
      first.group === 'baseline' ||
      (first.task === 'count' && first.input !== 'json' && first.input !== 'code')
    )
      continue;
    const { superlinearFrom } = scalingOf(series);
    const name = first.group === 'limit' ? `${first.task} (${first.input})` : first.task;
    for (const row of series) {
      const steep = superlinearFrom !== null && row.tokens > superlinearFrom;
      values.push({
        series: name,
        group: first.group,
        tokens: row.tokens,
        p50: row.p50Ms,
        step: steep ? 'superlinear from here' : 'linear or better',
      });
    }
  }
  const names = [...new Set(values.map((value) => value.series))];
  const tokens = values.map((value) => value.tokens);
  const [low, high] = [Math.min(...tokens), Math.max(...tokens)];
  // A guide of slope 1 (linear cost) through the median series' first point: parallel lines grow linearly.
  const start =
    values
      .filter((value) => value.tokens === low)
      .map((value) => value.p50)
      .sort((a, b) => a - b)[Math.floor(names.length / 2)] ?? 1;
  const guide = [
    { tokens: low, p50: start },
    { tokens: high, p50: start * (high / low) },
  ];
  const domain: number[] = [low * 0.8, high * 1.25];
  const x = {
    field: 'tokens',
    type: 'quantitative',
    title: 'input tokens (log)',
    scale: { type: 'log', domain, nice: false },
    axis: { format: '~s' },
  } as const;
  const y = { field: 'p50', type: 'quantitative', title: 'p50 time, ms (log)', scale: { type: 'log' } } as const;
  const color = {
    field: 'series',
    type: 'nominal',
    title: 'task',
    scale: { domain: names, range: [...CONFIG_COLOURS, '#000000', '#7f7f7f', '#17becf', '#bcbd22', '#8c564b'] },
  } as const;
  return {
    title: {
      text: 'Compress time against input size',
      subtitle:
        'real content scaled from 1k to 1M tokens; dashed: the limits; dotted: slope 1 (linear); triangles: past the size from which cost grows faster than linear',
    },
    config: CHART_CONFIG,
    width: 560,
    height: 360,
    layer: [
      {
        data: { values: guide },
        mark: { type: 'line', color: '#999', strokeDash: [1, 3], strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values: guide.slice(1) },
        mark: { type: 'text', text: 'linear', align: 'left', dx: 4, fontSize: 10, color: '#777' },
        encoding: { x, y },
      },
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: {
          x,
          y,
          color,
          strokeDash: {
            field: 'group',
            type: 'nominal',
            title: 'kind',
            scale: {
              domain: ['compressor', 'limit'],
              range: [
                [1, 0],
                [5, 3],
              ],
            },
          },
        },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 40 },
        encoding: {
          x,
          y,
          color,
          shape: {
            field: 'step',
            type: 'nominal',
            title: 'cost',
            scale: { domain: ['linear or better', 'superlinear from here'], range: ['circle', 'triangle-up'] },
          },
        },
      },
    ],
  };
}
