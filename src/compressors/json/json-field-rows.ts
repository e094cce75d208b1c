/**
 * The fields of every item of a long JSON array, stored flat: one path id and one value per field,
 * each row's `Field` objects built only when a keep-rule reads it. Holding 10,000 rows as arrays of
 * `Field` objects cost about 500 bytes a row, more than the parsed items themselves.
 */
import type { JsonValue } from '../../types.ts';
import type { FieldRows } from './field-rows.ts';
import { MAX_FIELDS, type Field, type Scalar } from './row-fields.ts';

/** Interned (path, key) pairs: a child is found by its parent's id and its name; id 0 is the item itself. */
class FieldPaths {
  readonly paths: string[] = [''];
  readonly keys: string[] = [''];
  private readonly children: (Map<string, number> | undefined)[] = [];

  childOf(parent: number, name: string): number {
    let children = this.children[parent];
    if (children === undefined) {
      children = new Map();
      this.children[parent] = children;
    }
    let id = children.get(name);
    if (id === undefined) {
      const parentPath = this.paths[parent] as string;
      id = this.paths.length;
      // The path `jsonRowFields` spells: the parent's path and the name, dot-joined.
      this.paths.push(parentPath === '' ? name : `${parentPath}.${name}`);
      this.keys.push(name);
      children.set(name, id);
    }
    return id;
  }
}

/** The same rows as `items.map(jsonRowFields)`, field for field, in a fraction of the memory. */
export function jsonFieldRows(items: readonly JsonValue[]): FieldRows {
  const names = new FieldPaths();
  const pathIds: number[] = [];
  const values: Scalar[] = [];
  const starts = new Uint32Array(items.length + 1);
  let rowStart = 0;
  // Depth first like `jsonRowFields`: array elements share their array's path, a row stops at MAX_FIELDS.
  const visit = (value: JsonValue, id: number): void => {
    if (values.length - rowStart >= MAX_FIELDS) return;
    if (Array.isArray(value)) {
      for (const element of value) visit(element, id);
    } else if (typeof value === 'object' && value !== null) {
      for (const name of Object.keys(value)) visit(value[name] as JsonValue, names.childOf(id, name));
    } else {
      pathIds.push(id);
      values.push(value);
    }
  };
  items.forEach((item, index) => {
    starts[index] = rowStart;
    visit(item, 0);
    rowStart = values.length;
  });
  starts[items.length] = rowStart;
  const { paths, keys } = names;
  return {
    length: items.length,
    fieldsOf(index) {
      const fields: Field[] = [];
      const end = starts[index + 1] ?? 0;
      for (let at = starts[index] ?? end; at < end; at += 1) {
        const id = pathIds[at] as number;
        fields.push({ path: paths[id] as string, key: keys[id] as string, value: values[at] as Scalar });
      }
      return fields;
    },
    valuesOf: (index) => values.slice(starts[index] ?? 0, starts[index + 1] ?? 0),
  };
}
