/** * Lossy step: shortens every long array (and keyed collection) of a JSON value to the rows `chooseRows` keeps, one marker each. */
import type { JsonValue, Profile } from '../../types.ts';
import { formatMarker } from '../../store/marker.ts';
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

/** Samples `value`; `ref` is the content ref of the whole original text, which every marker points to. */
export function sampleValue(value: JsonValue, plan: SamplingPlan, mentioned: ReadonlySet<string>, ref: string): SampledValue {
  const notes = new WeakMap<JsonValue[], SampleNote>();
  let omitted = 0;
  // Returns `node` itself when nothing below it was sampled, so that big unsampled parts are never copied.
  const visit = (node: JsonValue): JsonValue => {
    if (Array.isArray(node)) {
      const items = mapChildren(node, visit) as JsonValue[];
      if (node.length <= plan.keepWhole) return items;
      // Judged on the original items, so that trouble deep inside a nested, sampled array still counts.
      const kept = chooseRows(jsonFieldRows(node), { budget: plan.budget, mentioned }).map((index) => items[index] as JsonValue);
      const dropped = node.length - kept.length;
      if (dropped === 0) return items;
      omitted += dropped;
      const unit = node.every(isObject) ? 'rows' : 'items';
      notes.set(kept, { total: node.length, marker: formatMarker(ref, `${dropped} of ${node.length} ${unit} omitted; retrieve with query`) });
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
  function sampleKeyedCollection(node: { readonly [key: string]: JsonValue }, visitChild: (child: JsonValue) => JsonValue): JsonValue | null {
    const keys = Object.keys(node);
    if (keys.length <= plan.keepWhole || OMITTED_KEY in node) return null;
    const values = keys.map((key) => node[key] as JsonValue);
    // Maps of scalars (a package's dependencies, its scripts) are read whole: only records are sampled.
    if (!values.every(isObject)) return null;
    const rows = keys.map((key, index) => [{ path: KEY_FIELD, key: KEY_FIELD, value: key }, ...jsonRowFields(values[index] as JsonValue)]);
    const kept = chooseRows(rows, { budget: plan.budget, mentioned });
    const dropped = keys.length - kept.length;
    if (dropped === 0) return null;
    omitted += dropped;
    const copy: { [key: string]: JsonValue } = {};
    for (const index of kept) assignKey(copy, keys[index] as string, visitChild(values[index] as JsonValue));
    assignKey(copy, OMITTED_KEY, formatMarker(ref, `${dropped} of ${keys.length} entries omitted; retrieve with query`));
    return copy;
  }

  return { value: visit(value), notes, omitted };
}
