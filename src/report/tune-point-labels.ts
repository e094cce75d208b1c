/** Short names of what each tune point sets, for tables and the frontier chart: only the axes that vary. */
import type { JsonValue } from '../types.ts';
import type { TunePoint } from './tune-summary.ts';

const PROFILE_SHORT: Readonly<Record<string, string>> = { lossless: 'lossless', balanced: 'bal', aggressive: 'agg' };

/** The axis as the point's options set it: a compressor left to the profile reads as the profile. */
function short(axis: string, value: JsonValue, point: TunePoint): string {
  if (axis.startsWith('profileByCompressor.')) {
    const compressor = axis.slice('profileByCompressor.'.length);
    const profile = point.options.profileByCompressor?.[compressor] ?? point.options.profile ?? 'balanced';
    return `${compressor}:${PROFILE_SHORT[profile] ?? profile}`;
  }
  switch (axis) {
    case 'minBlockTokens':
      return `min${value === null ? '50' : String(value)}`;
    case 'repeats':
      return value === false ? 'no-repeats' : 'repeats';
    case 'profile':
      return `profile:${PROFILE_SHORT[String(value)] ?? 'bal'}`;
    case 'compressors':
      return Array.isArray(value) ? `only:${value.join('+')}` : 'all-compressors';
    default:
      return `${axis}=${JSON.stringify(value)}`;
  }
}

/** name -> label (`min25 log:agg json:bal`); a point with no setting (the reference) is labelled by its name. */
export function tunePointLabels(points: readonly TunePoint[]): Map<string, string> {
  const axes = [...new Set(points.flatMap((point) => Object.keys(point.settings)))];
  const varying = axes.filter(
    (axis) => new Set(points.map((point) => JSON.stringify(point.settings[axis] ?? null))).size > 1,
  );
  return new Map(
    points.map((point) => {
      const parts = varying
        .filter((axis) => axis in point.settings)
        .map((axis) => short(axis, point.settings[axis] ?? null, point));
      return [point.name, parts.length === 0 ? point.name : parts.join(' ')];
    }),
  );
}
