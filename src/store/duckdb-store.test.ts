import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PathError } from '../errors.ts';
import { openDuckDbStore } from './duckdb-store.ts';
import { describeStoreConformance } from '../testkit/store/store-conformance.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'terse-duckdb-store-'));
let files = 0;

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeStoreConformance({
  name: 'duckdb',
  async openFresh(options) {
    files += 1;
    const file = path.join(folder, `store-${files}.duckdb`);
    return { store: await openDuckDbStore(file, options), reopen: (again) => openDuckDbStore(file, again) };
  },
  persistenceSkipReason: null,
});

describe('duckdb store file handling', () => {
  it('names the file when it is not a DuckDB database', async () => {
    const file = path.join(folder, 'not-a-database.duckdb');
    writeFileSync(file, 'plain text, not a database\n');
    const error = await openDuckDbStore(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PathError);
    expect((error as PathError).path).toBe(file);
  });
});
