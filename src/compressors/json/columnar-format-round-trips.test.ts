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
      { a: 4, b: {}, meta: { x: 4 } },
    ];
    expect(roundTrip(rows)).toEqual(rows);
    expect(roundTrip({ wrap: rows, n: 4 })).toEqual({ wrap: rows, n: 4 });
  });

  it('quotes keys that are not plain words, including dots, spaces and __proto__', () => {
    const rows = [1, 2, 3].map(
      (n) => JSON.parse(`{"a.b": ${n}, "x y": {"__proto__": ${n}, "k, l": ${n % 2 === 0}}}`) as JsonValue,
    );
    const text = encodeColumnar(rows);
    expect(text.split('\n')[0]).toBe('# 3 rows; columns: ["a.b"], ["x y","__proto__"], ["x y","k, l"]');
    expect(roundTrip(rows)).toEqual(rows);
  });

  it('moves cells shared by every row into the header, whatever they hold', () => {
    const tricky = 'a; columns: b, c="d", e';
    const rows = [1, 2, 3].map((n) => ({
      id: n,
      name: `n${n}`,
      lang: 'ts',
      note: tricky,
      tags: ['x, y', { z: null }],
      'odd key': 0,
    }));
    const text = encodeColumnar(rows);
    expect(text.split('\n')[0]).toBe(
      `# 3 rows; every row: lang="ts", note=${JSON.stringify(tricky)}, tags=["x, y",{"z":null}], ["odd key"]=0; columns: id, name`,
    );
    expect(text.split('\n')[1]).toBe('1,"n1"');
    expect(roundTrip(rows)).toEqual(rows);
    const decoded = decodeColumnar(text);
    const [first, second] = decoded.ok ? (decoded.value as { tags: unknown[] }[]) : [];
    expect(first?.tags).not.toBe(second?.tags);
  });

  it('writes a column each row spells from another of its cells as a formula in the header', () => {
    // The shape of GitHub's issue list: url and html_url are the number under a fixed prefix.
    const rows = [7530, 9296, 10097].map((number, n) => ({
      url: `https://api.github.com/repos/django/django/issues/${number}`,
      html_url: `https://github.com/django/django/issues/${number}`,
      number,
      title: `title ${n}`,
      comments_url: `https://api.github.com/repos/django/django/issues/${number}/comments`,
      user: `u${n}`,
    }));
    const text = encodeColumnar(rows);
    expect(text.split('\n')[0]).toBe(
      '# 3 rows; every row: url="https://api.github.com/repos/django/django/issues/"+number, ' +
        'html_url="https://github.com/django/django/issues/"+number, comments_url="https://api.github.com/repos/django/django/issues/"+number+"/comments"; columns: number, title, user',
    );
    expect(text.split('\n')[1]).toBe('7530,"title 0","u0"');
    expect(roundTrip(rows)).toEqual(rows);
    // One row that breaks the formula keeps the column in the rows; so does a string source.
    const broken = rows.map((row, n) => (n === 2 ? { ...row, html_url: 'https://example.org/7' } : row));
    expect(encodeColumnar(broken).split('\n')[0]).toContain('columns: html_url, number, title, user');
    expect(roundTrip(broken)).toEqual(broken);
    const named = ['alpha', 'beta', 'gamma'].map((name, n) => ({ name, path: `src/${name}/index.ts`, size: n }));
    expect(encodeColumnar(named).split('\n')[0]).toBe(
      '# 3 rows; every row: path="src/"+name+"/index.ts"; columns: name, size',
    );
    expect(roundTrip(named)).toEqual(named);
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
    expect(text.split('\n')[0]).toBe(
      '{"users":"<table 1>","nested":{"events":"<table 2>"},"mixed":[{"a":1},{"b":2},{"c":3}],"scalars":[1,"two",null]}',
    );
    expect(text).toContain('# table 2 (nested.events): 4 rows; columns: t, kind');
    expect(roundTrip(value)).toEqual(value);
  });

  it('keeps a "__proto__" key of the skeleton an own key', () => {
    const value = JSON.parse(
      '{"__proto__": {"rows": [{"a": 1, "b": 2}, {"a": 3, "b": 4}, {"a": 5, "b": 6}]}}',
    ) as JsonValue;
    const decoded = roundTrip(value);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(decoded).toEqual(value);
  });

  it('writes no table when a string already looks like a placeholder', () => {
    const value = { note: '<table 1>', rows: [1, 2, 3].map((n) => ({ a: n, b: n })) };
    expect(encodeColumnar(value)).toBe(JSON.stringify(value));
    expect(roundTrip(value)).toEqual(value);
  });

  it('writes values that repeat once, under the header, and as aliases in the rows', () => {
    const contexts: JsonValue[] = [
      ["import { useForm } from 'react-hook-form';", ''],
      ['  return (', '    <fieldset>'],
    ];
    const rows = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
      n,
      host: n % 2 ? 'payment-service-3' : 'ledger-service-1',
      context: contexts[n % 2] as JsonValue,
      score: n === 1 ? 0.9349999999999999 : n / 10,
    }));
    const lines = encodeColumnar(rows).split('\n');
    // The shorter host saves too few tokens (estimated: four characters a token) to pay for its definition.
    expect(lines[1]).toBe(
      `# values: $1="payment-service-3", $2=${JSON.stringify(contexts[1])}, $3=${JSON.stringify(contexts[0])}`,
    );
    expect(lines[2]).toBe('1,$1,$2,0.9349999999999999');
    expect(lines[3]).toBe('2,"ledger-service-1",$3,0.2');
    expect(roundTrip(rows)).toEqual(rows);
    const decoded = decodeColumnar(lines.join('\n'));
    const [first, second] = decoded.ok ? (decoded.value as { context: unknown[] }[]) : [];
    expect(first?.context).not.toBe(second?.context);
  });

  it('leaves short and rare values in the rows, and keeps aliases apart per table', () => {
    const tricky = 'a, $2="x"; columns: b';
    const table = (tag: string): JsonValue[] =>
      [1, 2, 3].map((n) => ({
        n,
        level: 'ERROR',
        tag,
        note: n === 3 ? 'once only, long enough' : tricky,
        dollar: '$1',
      }));
    const value = { first: table('first table'), second: table('second table') };
    const text = encodeColumnar(value);
    expect(text).not.toContain('$3=');
    expect(text).not.toContain('"once only, long enough",');
    expect(text).toContain('"ERROR"');
    expect(roundTrip(value)).toEqual(value);
  });

  it('keeps a column of mostly distinct values (timestamps, ids) literal, even where one repeats', () => {
    const windows = [
      '2025-03-11T08:16:00Z',
      '2025-03-11T08:16:00Z',
      '2025-03-11T08:16:00Z',
      '2025-03-11T08:17:00Z',
      '2025-03-11T08:18:00Z',
      '2025-03-11T08:19:00Z',
      '2025-03-11T08:20:00Z',
      '2025-03-11T08:21:00Z',
    ];
    const rows = windows.map((window_start, n) => ({
      window_start,
      endpoint: n % 2 ? 'GET /healthz' : 'POST /v2/carts/checkout/confirm',
      p99_ms: 100 + n,
    }));
    const text = encodeColumnar(rows);
    expect(text.split('\n')[1]).toBe('# values: $1="POST /v2/carts/checkout/confirm"');
    expect(text.split('\n')[2]).toBe('"2025-03-11T08:16:00Z",$1,100');
    expect(roundTrip(rows)).toEqual(rows);
  });

  it('aliases string values inside nested cells, never their keys', () => {
    const before = '    except TimeoutError: # "$1", \\ $2';
    const rows = [1, 2, 3, 4, 5].map((n) => ({
      path: `src/f${n}.py`,
      matches: [{ line: n, context_before: before, context_after: n % 2 ? '    finally:' : 'done', [before]: '$1' }],
    }));
    const lines = encodeColumnar(rows).split('\n');
    expect(lines[1]).toBe(`# values: $1=${JSON.stringify(before)}`);
    expect(lines[2]).toBe(
      `"src/f1.py",[{"line":1,"context_before":$1,"context_after":"    finally:",${JSON.stringify(before)}:"$1"}]`,
    );
    expect(roundTrip(rows)).toEqual(rows);
  });

  it('reports an alias no table defined instead of guessing', () => {
    expect(decodeColumnar('# 1 rows; columns: a, b\n1,$1').ok).toBe(false);
    expect(decodeColumnar('# 1 rows; columns: a, b\n# values: $1="x"\n1,$2').ok).toBe(false);
    expect(decodeColumnar('# 1 rows; columns: a, b\n# values: $1="x"\n1,[$1,$2]').ok).toBe(false);
    expect(decodeColumnar('# 1 rows; columns: a, b\n# values: $1="x"\n1,$1')).toEqual({
      ok: true,
      value: [{ a: 1, b: 'x' }],
    });
  });

  it('reads plain JSON as itself and reports malformed rows instead of throwing', () => {
    expect(decodeColumnar('{\n  "a": [1, 2]\n}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(decodeColumnar('# 1 rows; columns: a, b\n1,2,3').ok).toBe(false);
  });
});
