import { describe, expect, it } from 'vitest';
import { chooseRows } from './choose-rows.ts';
import { rareValueRows } from './rare-values.ts';
import { jsonRowFields } from './row-fields.ts';

const TEMPLATES = [
  '  const form = useForm();',
  '    <form onSubmit={handleSubmit(save)}>',
  '  return (',
  '      <input {...register(name)} />',
];

function hits(count: number, planted: Record<number, string>): { id: string; file: string; content: string }[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `hit-${index}`,
    file: `src/components/Form${index % 5}.tsx`,
    content: planted[index] ?? (TEMPLATES[index % TEMPLATES.length] as string),
  }));
}

describe('rare values', () => {
  it('finds the one row whose text no other row has, in a column whose values repeat', () => {
    const rows = hits(100, { 47: '  const submit = useDebouncedSubmit(save, { waitMs: 400 });' });
    expect(rareValueRows(rows.map(jsonRowFields))).toEqual([47]);
  });

  it('ignores columns of distinct values and long tails of values seen once', () => {
    expect(rareValueRows(hits(100, {}).map(jsonRowFields))).toEqual([]);
    const tail: Record<number, string> = {};
    for (let index = 0; index < 100; index += 10) tail[index] = `one-off line ${index}`;
    expect(rareValueRows(hits(100, tail).map(jsonRowFields))).toEqual([]);
  });

  it('puts the rare row in the sample without growing it', () => {
    const rows = hits(100, { 83: '  // FIXME: submits twice because Enter also fires onClick' }).map(jsonRowFields);
    const kept = chooseRows(rows, { budget: 15, mentioned: new Set() });
    expect(kept).toContain(83);
    expect(kept).toHaveLength(15);
  });
});
