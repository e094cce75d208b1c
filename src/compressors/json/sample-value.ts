/** * Lossy step: shortens every long array (and keyed collection) of a JSON value to the rows `chooseRows` keeps, one marker each. */
import type { JsonValue, Profile } from '../../types.ts';
import { formatMarker } from '../../store/marker.ts';
import { describePositions, rangesOf } from '../../retrieve/position-range.ts';
import { MIN_COLLECTION_KEYS } from '../../retrieve/query-original.ts';
import { chooseRows } from './choose-rows.ts';
import { assignKey } from './column-plan.ts';
import type { SampleNote } from './columnar-format.ts';
import { jsonFieldRows } from './json-field-rows.ts';
import { mapChildren } from './map-children.ts';
import { jsonRowFields } from './row-fields.ts';

/** How far a lossy profile samples. */
export interface SamplingPlan {
  /** Arrays this long or shorter stay whole. */
  readonly keepWhole: number;
  /** Rows kept from a longer array, unless the keep-rules force more. */
  readonly budget: number;
}

/**
 * Sampling per lossy profile: balanced keeps what a reader skims (15 rows, as Headroom does), aggressive
 * only the essentials. An array not much longer than its budget stays whole: sampling it would drop
 * too little to pay for the marker and the retrieval a reader may then need.
 */
export const SAMPLING_PLANS: Record<Exclude<Profile, 'lossless'>, SamplingPlan> = {
  balanced: { keepWhole: 30, budget: 15 },
  aggressive: { keepWhole: 12, budget: 8 },
};

/** The sampled value, the notes the encoder needs, and how many items were dropped in all. */
export interface SampledValue {
  readonly value: JsonValue;
  readonly notes: WeakMap<JsonValue[], SampleNote>;
  readonly omitted: number;
}

/** The key under which a sampled keyed collection carries its marker. */
export const OMITTED_KEY = '…';
/** The name a collection's keys are judged under, beside their values' fields. */
const KEY_FIELD = '$key';

function isObject(value: JsonValue): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Longest position list a marker states: the rest is given as a span (`+N more within A-B`). */
const MAX_POSITIONS_CHARS = 48;

/**
 * ` (items 3-40, 42-99)`: the 0-based positions a marker hides, stated only for the collection
 * `terse_retrieve`'s `items` reads (the original's largest); '' for any other.
 */
function hiddenPositions(node: object, largest: object | null, total: number, kept: readonly number[]): string {
  if (node !== largest) return '';
  const keptSet = new Set(kept);
  const hidden: number[] = [];
  for (let index = 0; index < total; index++) if (!keptSet.has(index)) hidden.push(index);
  return ` (${describePositions('items', rangesOf(hidden), MAX_POSITIONS_CHARS)})`;
}

/** The collection `terse_retrieve` answers `items` from: most items, first in document order on a tie. */
function largestCollection(
  value: JsonValue,
  isKeyedCollection: (node: { readonly [key: string]: JsonValue }) => boolean,
): object | null {
  let largest: object | null = null;
  let size = 0;
  const visit = (node: JsonValue): void => {
    if (Array.isArray(node)) {
      if (node.length > size) [largest, size] = [node, node.length];
      for (const child of node) if (typeof child === 'object' && child !== null) visit(child);
    } else if (typeof node === 'object' && node !== null) {
      const keys = Object.keys(node);
      if (keys.length > size && isKeyedCollection(node)) [largest, size] = [node, keys.length];
      for (const key of keys) {
        const child = node[key] as JsonValue;
        if (typeof child === 'object' && child !== null) visit(child);
      }
    }
  };
  visit(value);
  return largest;
}

/** Samples `value`; `ref` is the content ref of the whole original text, which every marker points to. */
export function sampleValue(
  value: JsonValue,
  plan: SamplingPlan,
  mentioned: ReadonlySet<string>,
  ref: string,
): SampledValue {
  const notes = new WeakMap<JsonValue[], SampleNote>();
  let omitted = 0;
  const largest = largestCollection(value, (node) => {
    const values = Object.values(node);
    return values.length >= MIN_COLLECTION_KEYS && values.every(isObject);
  });
  // Returns `node` itself when nothing below it was sampled, so that big unsampled parts are never copied.
  const visit = (node: JsonValue): JsonValue => {
    if (Array.isArray(node)) {
      const items = mapChildren(node, visit) as JsonValue[];
      if (node.length <= plan.keepWhole) return items;
      // Judged on the original items, so that trouble deep inside a nested, sampled array still counts.
      const keptIndexes = chooseRows(jsonFieldRows(node), { budget: plan.budget, mentioned });
      const kept = keptIndexes.map((index) => items[index] as JsonValue);
      const dropped = node.length - kept.length;
      if (dropped === 0) return items;
      omitted += dropped;
      const unit = node.every(isObject) ? 'rows' : 'items';
      const positions = hiddenPositions(node, largest, node.length, keptIndexes);
      notes.set(kept, {
        total: node.length,
        marker: formatMarker(ref, `${dropped} of ${node.length} ${unit} omitted${positions}; retrieve with query`),
      });
      return kept;
    }
    if (typeof node === 'object' && node !== null) {
      const keyed = sampleKeyedCollection(node, visit);
      if (keyed !== null) return keyed;
    }
    return mapChildren(node, visit);
  };
  /**
   * An object used as a collection (npm's `versions`, a map of ids to records): many keys whose values
   * are all objects. It is sampled like an array, the key judged as one more field (so
   * a key the conversation mentions is kept); the kept entries stay in order, and one more entry, under
   * OMITTED_KEY, carries the marker.
   */
  function sampleKeyedCollection(
    node: { readonly [key: string]: JsonValue },
    visitChild: (child: JsonValue) => JsonValue,
  ): JsonValue | null {
    const keys = Object.keys(node);
    if (keys.length <= plan.keepWhole || OMITTED_KEY in node) return null;
    const values = keys.map((key) => node[key] as JsonValue);
    // Maps of scalars (a package's dependencies, its scripts) are read whole: only records are sampled.
    if (!values.every(isObject)) return null;
    const rows = keys.map((key, index) => [
      { path: KEY_FIELD, key: KEY_FIELD, value: key },
      ...jsonRowFields(values[index] as JsonValue),
    ]);
    const kept = chooseRows(rows, { budget: plan.budget, mentioned });
    const dropped = keys.length - kept.length;
    if (dropped === 0) return null;
    omitted += dropped;
    const copy: { [key: string]: JsonValue } = {};
    for (const index of kept) assignKey(copy, keys[index] as string, visitChild(values[index] as JsonValue));
    const positions = hiddenPositions(node, largest, keys.length, kept);
    assignKey(
      copy,
      OMITTED_KEY,
      formatMarker(ref, `${dropped} of ${keys.length} entries omitted${positions}; retrieve with query`),
    );
    return copy;
  }

  return { value: visit(value), notes, omitted };
}
