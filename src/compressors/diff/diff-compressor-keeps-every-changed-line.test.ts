import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { environment } from '../../config.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { Profile } from '../../types.ts';
import { runCompressor } from '../../engine/run-compressor.ts';
import type { CompressContext, CompressResult } from '../compressor.ts';
import { diffCompressor } from './diff-compressor.ts';

const ruler = createTokenRuler('o200k_base');
/** The diff compressor's result as the engine takes it (smaller than the input), else null. */
function compressDiff(text: string, context: CompressContext): CompressResult | null {
  const run = runCompressor(diffCompressor, { text, kind: 'diff' }, context);
  if (run.state === 'threw') throw new Error(run.error);
  return run.state === 'compressed' ? run.result : null;
}

const trajectories = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');

function submissions(): { name: string; diff: string }[] {
  if (!existsSync(trajectories)) return [];
  return readdirSync(trajectories)
    .filter((name) => name.endsWith('.traj.json'))
    .sort()
    .flatMap((name) => {
      const trajectory = JSON.parse(readFileSync(path.join(trajectories, name), 'utf8')) as {
        info?: { submission?: unknown };
      };
      const diff = trajectory.info?.submission;
      return typeof diff === 'string' && diff.includes('@@ ') ? [{ name, diff }] : [];
    });
}

/** Every line a diff's hunks show, keyed by file and by its old or new line number; also checks each header's counts. */
function hunkLines(diff: string): {
  byOld: Map<string, string>;
  byNew: Map<string, string>;
  changes: string[];
  hunkLineCount: number;
} {
  const byOld = new Map<string, string>();
  const byNew = new Map<string, string>();
  const changes: string[] = [];
  let file = '';
  let hunkLineCount = 0;
  const lines = diff.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.startsWith('+++ ')) file = line.slice(4);
    const header = /^@@ -(\d+),?(\d+)? \+(\d+),?(\d+)? @@/.exec(line);
    if (header === null) continue;
    let oldLeft = Number(header[2] ?? 1);
    let newLeft = Number(header[4] ?? 1);
    let oldLine = Number(header[1]) + (oldLeft === 0 ? 1 : 0);
    let newLine = Number(header[3]) + (newLeft === 0 ? 1 : 0);
    while (oldLeft > 0 || newLeft > 0) {
      i += 1;
      const body = lines[i] as string;
      hunkLineCount += 1;
      if (body.startsWith('\\')) continue;
      if (!body.startsWith('+')) {
        byOld.set(`${file}:${oldLine}`, body.slice(1));
        oldLine += 1;
        oldLeft -= 1;
      }
      if (!body.startsWith('-')) {
        byNew.set(`${file}:${newLine}`, body.slice(1));
        newLine += 1;
        newLeft -= 1;
      }
      if (body.startsWith('+') || body.startsWith('-')) changes.push(`${file}|${body}`);
    }
    expect(oldLeft).toBe(0);
    expect(newLeft).toBe(0);
  }
  return { byOld, byNew, changes, hunkLineCount };
}

describe.skipIf(!existsSync(trajectories))('diff compressor keeps every changed line of real submissions', () => {
  const diffs = submissions();

  it('finds real diffs', () => {
    expect(diffs.length).toBeGreaterThanOrEqual(10);
  });

  for (const profile of ['balanced', 'aggressive'] as Profile[]) {
    it(`${profile}: smaller, true hunk headers, every change kept, markers count what was dropped`, () => {
      let compressed = 0;
      for (const { name, diff } of diffs) {
        const context = { profile, ruler, conversation: '' };
        const output = compressDiff(diff, context);
        if (output === null) continue;
        compressed += 1;
        expect(ruler.count(output.text), name).toBeLessThan(ruler.count(diff));
        expect(compressDiff(diff, context)).toEqual(output);
        expect(compressDiff(output.text, context)).toBeNull();
        const before = hunkLines(diff);
        const after = hunkLines(output.text);
        expect(after.changes, name).toEqual(before.changes);
        for (const [key, text] of after.byOld) expect(before.byOld.get(key), `${name} ${key}`).toBe(text);
        for (const [key, text] of after.byNew) expect(before.byNew.get(key), `${name} ${key}`).toBe(text);
        for (const header of diff.split('\n').filter((line) => /^(diff --git|--- |\+\+\+ |index )/.test(line))) {
          expect(output.text.split('\n')).toContain(header);
        }
        const markers = findMarkers(output.text);
        const omitted = markers.reduce((sum, marker) => sum + Number(/^(\d+) /.exec(marker.description)?.[1]), 0);
        expect(omitted).toBe(before.hunkLineCount - after.hunkLineCount);
        expect(output.dropped).toEqual([{ ref: contentRef(diff), original: diff }]);
        for (const marker of markers) expect(marker.ref).toBe(contentRef(diff));
        const summaries = [...output.text.matchAll(/^# \S+: \+(\d+) -(\d+)$/gm)];
        expect(summaries.length).toBe(diff.split('\n').filter((line) => line.startsWith('diff --git')).length);
        expect(summaries.reduce((sum, match) => sum + Number(match[1]) + Number(match[2]), 0)).toBe(
          before.changes.length,
        );
      }
      // Real submissions carry git's 3 context lines: most are too small for trimming to pay for its marker.
      expect(compressed).toBeGreaterThan(0);
    });
  }

  it('lossless: passes every diff through', () => {
    for (const { diff } of diffs) {
      expect(compressDiff(diff, { profile: 'lossless', ruler, conversation: '' })).toBeNull();
    }
  });

  it('splits a hunk whose middle context is long into hunks with true headers', () => {
    const context = (from: number, count: number): string[] =>
      Array.from({ length: count }, (_, i) => ` line ${from + i}`);
    const diff = [
      'diff --git a/src/app.py b/src/app.py',
      'index 1111111..2222222 100644',
      '--- a/src/app.py',
      '+++ b/src/app.py',
      '@@ -10,25 +10,25 @@ def main():',
      ...context(10, 8),
      '-old 18',
      '+new 18',
      ...context(19, 8),
      '-old 27',
      '+new 27',
      ...context(28, 7),
    ].join('\n');
    const output = compressDiff(diff, { profile: 'balanced', ruler, conversation: '' });
    const lines = output?.text.split('\n') ?? [];
    expect(lines[0]).toBe('# src/app.py: +2 -2');
    expect(lines.filter((line) => line.startsWith('@@ '))).toEqual([
      '@@ -16,5 +16,5 @@ def main():',
      '@@ -25,5 +25,5 @@',
    ]);
    expect(findMarkers(output?.text ?? '').map((marker) => marker.description)).toEqual(['15 context lines omitted']);
    const before = hunkLines(diff);
    const after = hunkLines(output?.text ?? '');
    for (const [key, text] of after.byOld) expect(before.byOld.get(key)).toBe(text);
    expect(after.changes).toEqual(before.changes);
  });

  it('passes text that is not a well-formed diff', () => {
    const broken = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,5 +1,5 @@\n a\n-b\n+c\n';
    expect(compressDiff(broken, { profile: 'aggressive', ruler, conversation: '' })).toBeNull();
  });
});
