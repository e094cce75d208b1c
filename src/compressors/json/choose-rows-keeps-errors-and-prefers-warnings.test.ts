import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../types.ts';
import { chooseRows } from './choose-rows.ts';
import { troubleLevel } from './error-signals.ts';
import { jsonRowFields } from './row-fields.ts';

const level = (item: JsonValue): string => troubleLevel(jsonRowFields(item));

describe('trouble levels', () => {
  it('error and worse levels, failing statuses, success false and error fields are errors', () => {
    const items: JsonValue[] = [
      { level: 'ERROR', message: 'boom' },
      { severity: 'critical' },
      { level: 'FATAL' },
      { status: 503 },
      { status_code: '404' },
      { success: false },
      { exit_code: 2 },
      { error: { type: 'Timeout' } },
      { exception: 'ValueError' },
      { state: 'failed' },
    ];
    for (const item of items) expect(level(item), JSON.stringify(item)).toBe('error');
  });

  it('a warning is a warning, not an error', () => {
    expect(level({ level: 'WARN', message: 'Retrying call (attempt 4 of 5)' })).toBe('warning');
    expect(level({ message: 'warning: disk at 85%' })).toBe('warning');
  });

  it('a row with a level is judged by it, not by the words of its message', () => {
    expect(level({ level: 'INFO', message: 'Retry after failed attempt succeeded' })).toBe('none');
    expect(level({ message: 'Connection refused by ledger-db' })).toBe('error');
  });

  it('code, paths and titles that mention errors are not trouble', () => {
    expect(
      level({
        path: 'src/errors/timeout.py',
        matches: [{ content: 'raise Timeout(attempt=1)', context_before: 'except TimeoutError:' }],
      }),
    ).toBe('none');
    expect(level({ title: 'Crash with error on startup', state: 'open' })).toBe('none');
  });
});

describe('chooseRows keeps every error and prefers warnings within the budget', () => {
  const rows = Array.from({ length: 100 }, (_, index) => ({
    level: index % 30 === 7 ? 'ERROR' : index % 9 === 4 ? 'WARN' : 'INFO',
    message: `event ${index}`,
  }));
  const fields = rows.map(jsonRowFields);
  const errors = rows.flatMap((row, index) => (row.level === 'ERROR' ? [index] : []));
  const warnings = rows.flatMap((row, index) => (row.level === 'WARN' ? [index] : []));

  it('keeps the errors, the first and last rows, and gives warnings half of the free rows', () => {
    const kept = chooseRows(fields, { budget: 15, mentioned: new Set() });
    expect(kept).toHaveLength(15);
    for (const index of [0, 99, ...errors]) expect(kept).toContain(index);
    const free = 15 - errors.length - 2;
    expect(kept.filter((index) => warnings.includes(index)).length).toBeGreaterThanOrEqual(Math.ceil(free / 2));
    expect(kept.some((index) => rows[index]?.level === 'INFO' && index !== 0 && index !== 99)).toBe(true);
  });

  it('keeps every error even past the budget, and then no warning', () => {
    const kept = chooseRows(fields, { budget: 3, mentioned: new Set() });
    expect(kept).toEqual([0, ...errors, 99]);
  });
});
