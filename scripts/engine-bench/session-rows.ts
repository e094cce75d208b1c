/** Rows of the engine bench for sessions replayed request by request, and what the slow ones carry. */
import { median, quantile } from 'simple-statistics';
import { ms, ratio, type BenchRow } from './bench-table.ts';
import type { CodeParseTime } from './code-parse-share.ts';
import type { SessionRequestOverhead } from './session-overhead.ts';

/** p50 and p95 against `target`, the whole sessions' ratio, and which requests went over and why. */
export function sessionRows(tag: string, measured: readonly SessionRequestOverhead[], target: number): BenchRow[] {
  if (measured.length === 0) return [];
  const [p50, p95] = quantile(
    measured.map((m) => m.ratio),
    [0.5, 0.95],
  ) as [number, number];
  const limit = `<= ${target}x`;
  const compressMs = measured.reduce((sum, m) => sum + m.compressMs, 0);
  const countMs = measured.reduce((sum, m) => sum + m.countMs, 0);
  const over = measured.filter((m) => m.ratio > target);
  const withCode = over.filter((m) => m.newCodeChars > 0);
  const small = over.filter((m) => m.newCodeChars === 0);
  const smallNote =
    small.length === 0
      ? ''
      : `; the other ${small.length} count in ${ms(median(small.map((m) => m.countMs)))} (median) and compress in ${ms(median(small.map((m) => m.compressMs)))}`;
  return [
    {
      measure: `${tag}: compress / count, p50 (${measured.length} requests)`,
      figure: ratio(p50),
      target: limit,
      pass: p50 <= target,
    },
    { measure: `${tag}: compress / count, p95`, figure: ratio(p95), target: limit, pass: p95 <= target },
    {
      measure: `${tag}: total compress / total count`,
      figure: `${ratio(compressMs / countMs)} (${ms(compressMs)} / ${ms(countMs)})`,
      target: '',
      pass: null,
    },
    {
      measure: `  requests over ${target}x`,
      figure: `${over.length} of ${measured.length}: ${withCode.length} bring new code${smallNote}`,
      target: '',
      pass: null,
    },
  ];
}

/** Tree-sitter's parse alone beside the count, over every piece of code: the code compressor's floor. */
export function codeParseRows(tag: string, times: readonly CodeParseTime[], target: number): BenchRow[] {
  if (times.length === 0) return [];
  const ratios = times.map((t) => t.parseMs / t.countMs);
  const parseMs = times.reduce((sum, t) => sum + t.parseMs, 0);
  const countMs = times.reduce((sum, t) => sum + t.countMs, 0);
  const chars = times.reduce((sum, t) => sum + t.chars, 0);
  return [
    {
      measure: `${tag}: tree-sitter parse alone / count (${times.length} pieces of code, ${(chars / 1024).toFixed(0)} KiB)`,
      figure: `p50 ${ratio(median(ratios))}, total ${ratio(parseMs / countMs)} (${ms(parseMs)} / ${ms(countMs)}); over ${target}x: ${ratios.filter((r) => r > target).length}`,
      target: '',
      pass: null,
    },
  ];
}
