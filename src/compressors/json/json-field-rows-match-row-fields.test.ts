import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../types.ts';
import { jsonFieldRows } from './json-field-rows.ts';
import { jsonRowFields, MAX_FIELDS } from './row-fields.ts';

function rowsOf(items: readonly JsonValue[]): (readonly unknown[])[] {
  const rows = jsonFieldRows(items);
  return Array.from({ length: rows.length }, (_, index) => rows.fieldsOf(index));
}

describe('json field rows', () => {
  it('give every row the fields jsonRowFields gives it, in order', () => {
    const items = JSON.parse(`[
      {"timestamp":"2025-03-11T08:00:00Z","level":"ERROR","metadata":{"host":"edge-proxy-0","region":"us-east-1"},"tags":["a",["b",{"c":1}]]},
      {"x.y":{"z":2},"x":{"y":{"z":3}},"__proto__":{"a":null},"":{"":true}},
      5, "text", null, [], {}, [1, [2, [3]]]
    ]`) as JsonValue[];
    expect(rowsOf(items)).toEqual(items.map(jsonRowFields));
  });

  it('stop a huge item at the same field as jsonRowFields', () => {
    const huge = {
      list: Array.from({ length: MAX_FIELDS }, (_, i) => ({ i, s: `x${i}`, deep: [[i, { q: i }]] })),
      tail: 'end',
    };
    const items = [huge, { after: 'the huge one' }] as JsonValue[];
    const rows = rowsOf(items);
    expect(rows[0]).toHaveLength(MAX_FIELDS);
    expect(rows).toEqual(items.map(jsonRowFields));
  });
});
