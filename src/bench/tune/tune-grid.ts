/**
 * A `terse tune` grid file: the engine options every point starts from, and the axes swept. Each
 * point of the grid (one value per axis, every combination) becomes a configuration whose options
 * are checked exactly as a config file's are (config-engine-options.ts).
 *
 *   { "version": 1,
 *     "base": { "profile": "balanced" },
 *     "axes": { "minBlockTokens": [25, 50], "profileByCompressor.log": ["balanced", "aggressive"] } }
 *
 * An axis is a config file's engine field but `excludeTools` (`profile`, `compressors`,
 * `minBlockTokens`, `repeats`, `retrieveToolFromStart`, `expectedLaterRequests`, `textModel`) or
 * `profileByCompressor.<compressor>`; `null` leaves it unset (the engine's default, or `profile` for a
 * compressor). Points whose options come out the same are replayed once.
 */
import { readFileSync } from 'node:fs';
import { resolveEngineOptions, type EngineOptions } from '../../engine/engine-options.ts';
import { ConfigError, PathError } from '../../errors.ts';
import type { JsonValue, Profile } from '../../types.ts';
import { CONFIG_ENGINE_FIELDS, engineOptionsOf } from '../config-engine-options.ts';

export const TUNE_GRID_VERSION = 1;

/** The prefix of an axis that sets one compressor's profile. */
const PER_COMPRESSOR = 'profileByCompressor.';

/** The axes a grid may sweep (`excludeTools` names the user's tools, not a knob worth sweeping). */
const SWEPT_FIELDS: readonly string[] = CONFIG_ENGINE_FIELDS.filter(
  (field) => field !== 'excludeTools' && field !== 'profileByCompressor',
);

/** One point of the grid: its value on every axis, and the engine options they make. */
export interface GridPoint {
  /** `tune-01`, `tune-02`...: grid order, the first axis varying slowest. */
  readonly name: string;
  /** Axis -> value, in axis order. */
  readonly settings: Readonly<Record<string, JsonValue>>;
  readonly options: Partial<EngineOptions>;
}

/** A grid as read: the file, its axes, and its points. */
export interface TuneGrid {
  readonly file: string;
  readonly base: Readonly<Record<string, JsonValue>>;
  readonly axes: Readonly<Record<string, readonly JsonValue[]>>;
  readonly points: readonly GridPoint[];
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkAxis(file: string, axis: string, values: unknown): readonly JsonValue[] {
  const where = `${file}: axes.${axis}`;
  if (!SWEPT_FIELDS.includes(axis) && !axis.startsWith(PER_COMPRESSOR)) {
    throw new ConfigError(where, `not an axis (one of ${SWEPT_FIELDS.join(', ')}, or ${PER_COMPRESSOR}<compressor>)`);
  }
  if (!Array.isArray(values) || values.length === 0)
    throw new ConfigError(where, 'must be a non-empty array of values');
  const seen = new Set(values.map((value) => JSON.stringify(value)));
  if (seen.size !== values.length) throw new ConfigError(where, 'lists a value twice');
  return values as JsonValue[];
}

/** The config object of one point: the base, then each axis value (null unsets it). */
function configObject(
  base: Readonly<Record<string, JsonValue>>,
  settings: Readonly<Record<string, JsonValue>>,
): Record<string, unknown> {
  const object: Record<string, unknown> = { ...base };
  const perCompressor: Record<string, JsonValue> = {
    ...(isObject(base.profileByCompressor) ? base.profileByCompressor : {}),
  };
  for (const [axis, value] of Object.entries(settings)) {
    if (axis.startsWith(PER_COMPRESSOR)) {
      const compressor = axis.slice(PER_COMPRESSOR.length);
      if (value === null) delete perCompressor[compressor];
      else perCompressor[compressor] = value;
    } else if (value === null) delete object[axis];
    else object[axis] = value;
  }
  object.profileByCompressor = perCompressor;
  return object;
}

/** Options as the engine resolves them, as text: two points with the same key behave the same. */
function behaviourKey(options: Partial<EngineOptions>): string {
  const resolved = resolveEngineOptions(options);
  return JSON.stringify({
    ...resolved,
    profileByCompressor: Object.entries(resolved.profileByCompressor).sort(([a], [b]) => (a < b ? -1 : 1)),
  });
}

/** Options with a compressor's profile dropped where it is the engine's own: the same behaviour, one spelling. */
function canonical(options: Partial<EngineOptions>): Partial<EngineOptions> {
  const profile: Profile = options.profile ?? 'balanced';
  const own = Object.entries(options.profileByCompressor ?? {})
    .filter(([, p]) => p !== profile)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const { profileByCompressor: _drop, ...rest } = options;
  return own.length === 0 ? rest : { ...rest, profileByCompressor: Object.fromEntries(own) };
}

/** Every combination of the axes' values, the first axis varying slowest. */
function combinations(axes: Readonly<Record<string, readonly JsonValue[]>>): Record<string, JsonValue>[] {
  let out: Record<string, JsonValue>[] = [{}];
  for (const [axis, values] of Object.entries(axes))
    out = out.flatMap((partial) => values.map((value) => ({ ...partial, [axis]: value })));
  return out;
}

/**
 * Reads, checks and expands a grid file. Points that behave alike are kept once, and a point that
 * behaves as `reference` (the configuration every point is measured against) not at all; more than
 * `maxPoints` points left is a ConfigError.
 */
export function readTuneGrid(file: string, maxPoints: number, reference: Partial<EngineOptions> = {}): TuneGrid {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new PathError(file, 'no such file or directory');
    throw new ConfigError(file, `not JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) throw new ConfigError(file, 'must be a JSON object { version, base, axes }');
  if (value.version !== TUNE_GRID_VERSION) throw new ConfigError(`${file}: version`, `must be ${TUNE_GRID_VERSION}`);
  const base = value.base ?? {};
  if (!isObject(base)) throw new ConfigError(`${file}: base`, 'must be an object of config fields');
  engineOptionsOf(`${file}: base`, base);
  if (!isObject(value.axes) || Object.keys(value.axes).length === 0)
    throw new ConfigError(`${file}: axes`, 'must be an object { field: [values...] } with at least one axis');
  const axes: Record<string, readonly JsonValue[]> = {};
  for (const [axis, values] of Object.entries(value.axes)) axes[axis] = checkAxis(file, axis, values);
  const points: GridPoint[] = [];
  const seen = new Set<string>([behaviourKey(reference)]);
  const all = combinations(axes);
  for (const [index, settings] of all.entries()) {
    const options = canonical(
      engineOptionsOf(`${file}: point ${index + 1} ${JSON.stringify(settings)}`, configObject(base, settings)),
    );
    const key = behaviourKey(options);
    if (seen.has(key)) continue;
    seen.add(key);
    points.push({ name: '', settings, options });
  }
  if (points.length === 0)
    throw new ConfigError(`${file}: axes`, 'make no point that differs from the reference configuration');
  if (points.length > maxPoints)
    throw new ConfigError(
      `${file}: axes`,
      `make ${points.length} points, more than --max-points ${maxPoints}: sweep fewer axes or values`,
    );
  const width = String(points.length).length < 2 ? 2 : String(points.length).length;
  return {
    file,
    base,
    axes,
    points: points.map((point, at) => ({ ...point, name: `tune-${String(at + 1).padStart(width, '0')}` })),
  };
}
