import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PathError } from '../errors.ts';
import { openFileStore } from './file-store.ts';
import { describeStoreConformance } from '../testkit/store/store-conformance.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'terse-file-store-'));
let stores = 0;

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeStoreConformance({
  name: 'file',
  async openFresh(options) {
    stores += 1;
    const dir = path.join(folder, `store-${stores}`);
    return { store: await openFileStore(dir, options), reopen: (again) => openFileStore(dir, again) };
  },
  persistenceSkipReason: null,
});

describe('file store folder handling', () => {
  it('names the path when it is a file, not a folder', async () => {
    const file = path.join(folder, 'a-file');
    writeFileSync(file, 'not a store\n');
    const error = await openFileStore(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PathError);
    expect((error as PathError).path).toBe(file);
  });

  it('never reads outside its folder for a ref that is a path', async () => {
    const store = await openFileStore(path.join(folder, 'traversal'));
    writeFileSync(path.join(folder, 'secret'), 'outside');
    expect(await store.get('../../secret')).toEqual({ found: false, reason: 'unknown' });
    expect(await store.has('../../secret')).toBe(false);
    await store.close();
  });

  it('shares originals between two stores open on one folder at once', async () => {
    const dir = path.join(folder, 'shared');
    const [a, b] = await Promise.all([openFileStore(dir), openFileStore(dir)]);
    const refs = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).put(`original ${i % 25}`)),
    );
    for (const [i, ref] of refs.entries())
      expect(await (i % 2 === 0 ? b : a).get(ref)).toEqual({ found: true, original: `original ${i % 25}` });
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps its originals readable by their user only (0600 files in 0700 folders), as the DuckDB store does', async () => {
    const dir = path.join(folder, 'private');
    const store = await openFileStore(dir);
    await store.put('a tool output with a secret in it', 'session-1');
    await store.close();
    expect(statSync(dir).mode & 0o077).toBe(0);
    expect(statSync(path.join(dir, 'objects')).mode & 0o077).toBe(0);
    for (const name of readdirSync(path.join(dir, 'objects')))
      expect(statSync(path.join(dir, 'objects', name)).mode & 0o077).toBe(0);
  });
});
