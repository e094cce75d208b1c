import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  headroomSuite,
  localSuite,
  specSuites,
  type NamedSuiteBuild,
} from '../../testkit/invariants/invariant-suites.ts';
import { suiteBlocks } from '../../testkit/invariants/suite-blocks.ts';
import { findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { CompressResult } from '../compressor.ts';
import { fixtureFiles } from '../../testkit/code/real-source-files.ts';
import { pytestCompressor } from './pytest-compressor.ts';

const ruler = createTokenRuler('o200k_base');
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'test_broken_queue.py');

function compress(text: string): CompressResult | null {
  return pytestCompressor.compress({ text, kind: 'code' }, { profile: 'balanced', ruler, conversation: '' });
}

/** What pytest prints for the broken fixture (in a scratch copy, so no cache lands in the repository), or null without pytest. */
function pytestReport(...args: string[]): string | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-pytest-'));
  try {
    copyFileSync(FIXTURE, path.join(dir, 'test_broken_queue.py'));
    const run = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', ...args, 'test_broken_queue.py'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    if (run.error !== undefined || !run.stdout.includes('test session starts')) return null;
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('pytest compressor', () => {
  it('keeps every error, stop line and location of a live report, and folds the parametrized repeats', () => {
    const report = pytestReport();
    if (report === null) {
      console.warn('pytest is not installed: the live pytest report test is skipped');
      return;
    }
    const result = compress(report);
    expect(result).not.toBeNull();
    const text = result?.text ?? '';
    const lines = report.split('\n');
    for (const line of lines.filter((l) => /^E |^>|^\S+\.py:\d+: /.test(l))) {
      // Repeats of the first failure are named, not shown: their lines are the first one's.
      expect(text).toContain(line);
    }
    expect(text).toContain('test_total[2]: failed the same way as test_total[1] (same frames, same error)');
    expect(text).toContain('test_total[3]: failed the same way as test_total[1] (same frames, same error)');
    // The session header, the short summary and the counts stay as printed.
    const summaryAt = lines.findIndex((l) => l.includes('short test summary info'));
    for (const line of lines.slice(summaryAt)) expect(text).toContain(line);
    expect(text).toContain(lines.find((l) => l.startsWith('collected ')) ?? 'collected');
    // Frame source and locals go: the docstring of `total_priority` is behind the marker.
    expect(text).not.toContain('Used by the scheduler');
    const marker = findMarkers(text)[0];
    const shownFromReport = text.split('\n').filter((l) => lines.includes(l)).length;
    expect(marker?.description).toBe(
      `${lines.length - shownFromReport} of ${lines.length} lines left out (frame source, locals, repeated failures); the ref holds every line`,
    );
    expect(result?.dropped).toEqual([{ ref: marker?.ref, original: report }]);
    expect(ruler.count(text)).toBeLessThan(0.7 * ruler.count(report));
  });

  it('keeps a --tb=short frame whole: its one source line is all it shows', () => {
    const report = pytestReport('--tb=short');
    if (report === null) return;
    const text = compress(report)?.text ?? '';
    const firstBlock = report.split('\n').findIndex((l) => /^_{3,} test_total\[1\] _{3,}$/.test(l));
    const nextBlock = report.split('\n').findIndex((l, i) => i > firstBlock && /^_{3,} .+ _{3,}$/.test(l));
    for (const line of report.split('\n').slice(firstBlock, nextBlock)) expect(text).toContain(line);
  });

  it('leaves alone every block of the headroom and local suites, and real source files', async () => {
    const suites: NamedSuiteBuild[] = [headroomSuite(), await localSuite()];
    const taken: string[] = [];
    for (const { name, build } of suites) {
      if (build.state !== 'ready') continue;
      for (const block of suiteBlocks(name, build.traces))
        if (compress(block.text) !== null) taken.push(`${block.trace}/${block.path}`);
    }
    for (const file of fixtureFiles()) if (compress(file.text) !== null) taken.push(file.name);
    expect(taken).toEqual([]);
  });

  it('keeps every E line of the pytest reports agents printed in the corpus', async () => {
    const corpus = (await specSuites()).find((suite) => suite.name === 'corpus');
    if (corpus === undefined || corpus.build.state !== 'ready') return;
    let reports = 0;
    for (const block of suiteBlocks('corpus', corpus.build.traces)) {
      const result = compress(block.text);
      if (result === null) continue;
      reports++;
      for (const line of block.text.split('\n').filter((l) => /^E /.test(l))) expect(result.text).toContain(line);
    }
    expect(reports).toBeGreaterThan(0);
  });
});
