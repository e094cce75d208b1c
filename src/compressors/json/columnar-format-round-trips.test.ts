import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../types.ts';
import { decodeColumnar, encodeColumnar } from './columnar-format.ts';

function roundTrip(value: JsonValue): JsonValue {
  const decoded = decodeColumnar(encodeColumnar(value));
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.value;
}

describe('columnar format round-trips', () => {
  it('writes a root array of objects as a headed table, nested objects as dotted columns', () => {
    const rows = [1, 2, 3].map((n) => ({ file: `a${n}.ts`, line: n, context: { before: [`x${n}`], after: `y${n}` } }));
    const text = encodeColumnar(rows);
    expect(text.split('\n')[0]).toBe('# 3 rows; columns: file, line, context.before, context.after');
    expect(text.split('\n')[1]).toBe('"a1.ts",1,["x1"],"y1"');
    expect(roundTrip(rows)).toEqual(rows);
  });

  it('keeps absent keys absent, nulls null, and empty objects whole', () => {
    const rows: JsonValue[] = [
      { a: 1, b: null, meta: { x: 1 } },
      { a: 2, meta: { y: 'two' } },
      { a: 3, b: 'c,d "quoted"\nnext line', meta: { x: 3, y: '3' } },
      { a: 4, b: { }, meta: { x: 4 } },
    ];
    expect(roundTrip(rows)).toEqual(rows);
    expect(roundTrip({ wrap: rows, n: 4 })).toEqual({ wrap: rows, n: 4 });
  });

  it('quotes keys that are not plain words, including dots, spaces and __proto__', () => {
    const rows = [1, 2, 3].map((n) => JSON.parse(`{"a.b": ${n}, "x y": {"__proto__": ${n}, "k, l": ${n % 2 === 0}}}`) as JsonValue);
    const text = encodeColumnar(rows);
    expect(text.split('\n')[0]).toBe('# 3 rows; columns: ["a.b"], ["x y","__proto__"], ["x y","k, l"]');
    expect(roundTrip(rows)).toEqual(rows);
  });

  it('moves cells shared by every row into the header, whatever they hold', () => {
    const tricky = 'a; columns: b, c="d", e';
    const rows = [1, 2, 3].map((n) => ({ id: n, name: `n${n}`, lang: 'ts', note: tricky, tags: ['x, y', { z: null }], 'odd key': 0 }));
    const text = encodeColumnar(rows);
    expect(text.split('\n')[0]).toBe(`# 3 rows; every row: lang="ts", note=${JSON.stringify(tricky)}, tags=["x, y",{"z":null}], ["odd key"]=0; columns: id, name`);
    expect(text.split('\n')[1]).toBe('1,"n1"');
    expect(roundTrip(rows)).toEqual(rows);
    const decoded = decodeColumnar(text);
    const [first, second] = decoded.ok ? (decoded.value as { tags: unknown[] }[]) : [];
    expect(first?.tags).not.toBe(second?.tags);
  });

  it('keeps shared cells in the rows when fewer than two columns would be left', () => {
    const rows = [1, 2, 3].map((n) => ({ id: n, kind: 'same', owner: 'same too' }));
    expect(encodeColumnar(rows).split('\n')[0]).toBe('# 3 rows; columns: id, kind, owner');
    expect(roundTrip(rows)).toEqual(rows);
  });

  it('finds several tables inside an object and leaves dissimilar arrays as JSON', () => {
    const value: JsonValue = {
      users: [1, 2, 3].map((n) => ({ id: n, name: `u${n}` })),
      nested: { events: [1, 2, 3, 4].map((n) => ({ t: n, kind: n % 2 ? 'a' : 'b' })) },
      mixed: [{ a: 1 }, { b: 2 }, { c: 3 }],
      scalars: [1, 'two', null],
    };
    const text = encodeColumnar(value);
    expect(text.split('\n')[0]).toBe('{"users":"<table 1>","nested":{"events":"<table 2>"},"mixed":[{"a":1},{"b":2},{"c":3}],"scalars":[1,"two",null]}');
    expect(text).toContain('# table 2 (nested.events): 4 rows; columns: t, kind');
    expect(roundTrip(value)).toEqual(value);
  });

  it('keeps a "__proto__" key of the skeleton an own key', () => {
    const value = JSON.parse('{"__proto__": {"rows": [{"a": 1, "b": 2}, {"a": 3, "b": 4}, {"a": 5, "b": 6}]}}') as JsonValue;
    const decoded = roundTrip(value);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(decoded).toEqual(value);
  });

  it('writes no table when a string already looks like a placeholder', () => {
    const value = { note: '<table 1>', rows: [1, 2, 3].map((n) => ({ a: n, b: n })) };
    expect(encodeColumnar(value)).toBe(JSON.stringify(value));
    expect(roundTrip(value)).toEqual(value);
  });

  it('reads plain JSON as itself and reports malformed rows instead of throwing', () => {
    expect(decodeColumnar('{\n  "a": [1, 2]\n}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(decodeColumnar('# 1 rows; columns: a, b\n1,2,3').ok).toBe(false);
  });
});
