/** The perf suite's README table: p50 / p99 by size, throughput, ratios to the limits, how cost grows. */
import { markdownTable, type MarkdownColumn } from '../../src/report/markdown-table.ts';
import type { PerfRow } from './perf-measure.ts';
import { scalingOf, seriesOf } from './perf-scaling.ts';

/** The sizes the table shows (the chart shows every size measured). */
export const TABLE_SIZES: readonly number[] = [1_000, 10_000, 100_000, 1_000_000];

function ms(value: number): string {
  // The no-op's figures are nanoseconds: milliseconds with four decimals would read as zero.
  if (value < 0.001) return `${Math.round(value * 1e6)} ns`;
  if (value < 0.01) return value.toFixed(4);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

function tokens(value: number): string {
  return value >= 1_000_000
    ? `${(value / 1_000_000).toFixed(2)}M`
    : value >= 1_000
      ? `${(value / 1_000).toFixed(value >= 100_000 ? 0 : 1)}k`
      : String(value);
}

function sizeLabel(size: number): string {
  return size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1_000}k`;
}

const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(a / b < 10 ? 2 : 0)}x` : '—');

/** The limit a compressor is held to beside the count, by the material it reads. */
const PARSE_LIMIT: Readonly<Record<string, string>> = {
  json: 'JSON.parse',
  'json-minify': 'JSON.parse',
  code: 'tree-sitter parse',
};

/** The table's rows: the harness, the limits on the JSON and code inputs, then each compressor. */
export function renderPerfTable(rows: readonly PerfRow[]): string {
  const at = (task: string, input: string, size: number): PerfRow | undefined =>
    rows.find((row) => row.task === task && row.input === input && row.size === size);
  const columns: MarkdownColumn[] = [
    { header: 'task', align: 'left' },
    { header: 'input', align: 'left' },
    ...TABLE_SIZES.map((size) => ({ header: `${sizeLabel(size)}: p50 / p99 ms`, align: 'right' as const })),
    { header: 'n at 1M', align: 'right' },
    { header: 'tokens/s at 1M', align: 'right' },
    { header: 'output at 1M', align: 'right' },
    { header: '÷ count, 1k / 1M', align: 'right' },
    { header: '÷ parse at 1M', align: 'right' },
    { header: 'cost grows', align: 'left' },
  ];
  const largest = TABLE_SIZES[TABLE_SIZES.length - 1] as number;
  const shown = [...seriesOf(rows).values()].filter(
    ([first]) =>
      first !== undefined &&
      (first.group !== 'limit' || first.task !== 'count' || first.input === 'json' || first.input === 'code'),
  );
  const body = shown.map((series) => {
    const first = series[0] as PerfRow;
    const top = at(first.task, first.input, largest);
    const scaling = scalingOf(series);
    const count = (size: number): PerfRow | undefined => at('count', first.input, size);
    const parse = PARSE_LIMIT[first.input];
    const parseRow =
      parse === undefined || first.group !== 'compressor'
        ? undefined
        : at(parse, first.input === 'json-minify' ? 'json' : first.input, largest);
    const slope = (value: number | null): string => (value === null ? '—' : `n^${value.toFixed(2)}`);
    const verdict =
      scaling.superlinearFrom === null ? 'linear or better' : `**superlinear from ${tokens(scaling.superlinearFrom)}**`;
    const growth =
      first.group === 'baseline'
        ? ''
        : `${slope(scaling.fitted)} from 10k, ${slope(scaling.fittedTop)} from 100k: ${verdict}`;
    return [
      first.group === 'compressor'
        ? `**${first.task}**`
        : first.group === 'baseline'
          ? 'noop (harness floor)'
          : first.task,
      first.input === '' ? '' : `${first.input}`,
      ...TABLE_SIZES.map((size) => {
        const row = at(first.task, first.input, size);
        return row === undefined ? '—' : `${ms(row.p50Ms)} / ${ms(row.p99Ms)}`;
      }),
      top === undefined ? '—' : String(top.samples),
      top === undefined || first.group === 'baseline' ? '—' : tokens(Math.round(top.tokens / (top.p50Ms / 1000))),
      top === undefined || first.group !== 'compressor'
        ? ''
        : top.tokensAfter === null
          ? 'passes'
          : `${tokens(top.tokens)} → ${tokens(top.tokensAfter)}`,
      first.group !== 'compressor'
        ? ''
        : `${ratio(at(first.task, first.input, TABLE_SIZES[0] as number)?.p50Ms ?? 0, count(TABLE_SIZES[0] as number)?.p50Ms ?? 0)} / ${ratio(top?.p50Ms ?? 0, count(largest)?.p50Ms ?? 0)}`,
      parseRow === undefined ? '' : `${ratio(top?.p50Ms ?? 0, parseRow.p50Ms)} (${parse})`,
      growth,
    ];
  });
  return markdownTable(columns, body);
}
