/** A row seen as its scalar fields: the common ground on which the keep-rules judge JSON items and table rows. */
import type { JsonValue } from '../../types.ts';

/** A leaf value of a row. */
export type Scalar = string | number | boolean | null;

/** One scalar inside a row: `path` names its column (`metadata.host`), `key` its last key. */
export interface Field {
  readonly path: string;
  readonly key: string;
  readonly value: Scalar;
}

/** Enough to see errors and ids in any real row; a huge nested item is judged by its first fields. */
const MAX_FIELDS = 400;

/** The scalar fields of a JSON item, depth first; array elements share their array's path. */
export function jsonRowFields(item: JsonValue): Field[] {
  const fields: Field[] = [];
  const visit = (value: JsonValue, path: string, key: string): void => {
    if (fields.length >= MAX_FIELDS) return;
    if (Array.isArray(value)) {
      for (const element of value) visit(element, path, key);
    } else if (typeof value === 'object' && value !== null) {
      for (const [name, child] of Object.entries(value)) visit(child, path === '' ? name : `${path}.${name}`, name);
    } else {
      fields.push({ path, key, value });
    }
  };
  visit(item, '', '');
  return fields;
}
