import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpusSuite } from './build-corpus-suite.ts';

describe('buildCorpusSuite without ../shared', () => {
  it('is skipped with a one-line reason naming the missing folder', async () => {
    const missing = path.join(os.tmpdir(), 'terse-no-shared-folder-here');
    const built = await buildCorpusSuite(missing);
    expect(built.state).toBe('skipped');
    if (built.state !== 'skipped') return;
    expect(built.reason).toContain(missing);
    expect(built.reason).not.toContain('\n');
  });
});
