/**
 * SWE-agent's file viewer (`open`, `goto`, `scroll`) prints a window of numbered rows (`1357:code`)
 * between a `[File: ...]` header and its `(Open file: ...)` footer; a refused edit prints two windows
 * (how the edit would have looked, the original code). Read on the real trajectories of
 * ../shared/corpus/swe-agent-trajs (sessions no suite replays): the rows are code, the frame is text,
 * a `grep -n` listing, whose numbers skip, stays search, and the groups of a `grep -C` over numbered
 * rows are not taken for windows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { detectContent } from './detect-content.ts';

const dir = path.join(environment.sharedDir, 'corpus', 'swe-agent-trajs');
const ROW = /^\d+:/;

/** Every observation of the trajectories, in file order. */
function observations(): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.traj.json'))
    .sort()
    .flatMap((name) => {
      const traj = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { trajectory: { observation: string }[] };
      return traj.trajectory.map((step) => step.observation);
    });
}

/** Every observation of the trajectories that shows a window of five rows or more. */
function windows(): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.traj.json'))
    .sort()) {
    const traj = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as {
      trajectory: { observation: string }[];
    };
    for (const step of traj.trajectory)
      if (step.observation.startsWith('[File:') && step.observation.split('\n').filter((l) => ROW.test(l)).length >= 5)
        out.push(step.observation);
  }
  return [...new Set(out)];
}

const seen = windows();

describe.skipIf(seen.length === 0)("SWE-agent's file windows", () => {
  it('are mixed: the numbered rows one code section, the header and footer text', () => {
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (const text of seen) {
      const detection = detectContent(text);
      expect(detection.kind, text.slice(0, 80)).toBe('mixed');
      const code = (detection.sections ?? []).filter((s) => s.kind === 'code');
      expect(code).toHaveLength(1);
      const rows = text.slice(code[0]!.start, code[0]!.end).split('\n').filter(Boolean);
      expect(rows.every((row) => ROW.test(row))).toBe(true);
      expect(rows).toEqual(text.split('\n').filter((line) => ROW.test(line)));
      expect(text.slice(0, code[0]!.start)).toMatch(/^\[File: /);
    }
  });

  it('come as two code sections where a refused edit shows the edit and the original', () => {
    const refused = [
      ...new Set(observations().filter((o) => o.includes('This is how your edit would have looked'))),
    ].filter((o) => o.split('\n').filter((l) => ROW.test(l)).length >= 10);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const text of refused) {
      const detection = detectContent(text);
      const code = (detection.sections ?? []).filter((s) => s.kind === 'code');
      expect(code, text.slice(0, 120)).toHaveLength(2);
      const rows = code.flatMap((s) => text.slice(s.start, s.end).split('\n').filter(Boolean));
      expect(rows).toEqual(text.split('\n').filter((line) => ROW.test(line)));
      // The error the linter printed is text before the first window, never inside code.
      expect(text.slice(0, code[0]!.start)).toContain('ERRORS:');
    }
  });

  it('are code sections where a demonstration quotes them between fenced commands', () => {
    const traj = JSON.parse(readFileSync(path.join(dir, 'pydicom__pydicom-1458.gpt4.traj.json'), 'utf8')) as {
      history: { content: string; is_demo?: boolean }[];
    };
    const demonstration = traj.history.find((m) => m.is_demo === true)?.content ?? '';
    expect(demonstration).toContain('```');
    const detection = detectContent(demonstration);
    const windows = (detection.sections ?? [])
      .filter((s) => s.kind === 'code')
      .map((s) => demonstration.slice(s.start, s.end))
      .filter((code) =>
        code
          .split('\n')
          .filter(Boolean)
          .every((row) => ROW.test(row)),
      );
    expect(windows.length).toBeGreaterThanOrEqual(3);
    // Every numbered row is in a window but for a lone `1:` (the empty file `create` printed).
    const inWindows = new Set(windows.join('\n').split('\n'));
    const outside = demonstration.split('\n').filter((line) => ROW.test(line) && !inWindows.has(line));
    expect(outside).toEqual(['1:']);
  });

  it('leave the groups of a grep -C over numbered rows whole', () => {
    const source = readFileSync(path.join(environment.projectRoot, 'src', 'detect', 'detect-content.ts'), 'utf8');
    const numbered = source.split('\n').map((line, i) => `${String(i + 1).padStart(6)}\t${line}`);
    const hits = numbered.flatMap((line, i) => (/splitNumberedView|fromSections\(/.test(line) ? [i] : []));
    expect(hits.length).toBeGreaterThanOrEqual(2);
    // `nl -ba f | grep -C 6 PATTERN`: groups of 13 rows parted by `--`.
    const groups = hits
      .filter((hit, i) => i === 0 || hit - (hits[i - 1] as number) > 13)
      .map((hit) => numbered.slice(Math.max(0, hit - 6), hit + 7).join('\n'));
    expect(groups.length).toBeGreaterThanOrEqual(2);
    const output = `<returncode>0</returncode>\n<output>\n${groups.join('\n--\n')}\n</output>`;
    const sections = detectContent(output).sections ?? [];
    expect(sections.filter((s) => s.kind === 'code').length).toBeLessThanOrEqual(1);
  });

  it('leave a grep -n listing of the same file search', () => {
    const source = readFileSync(path.join(environment.projectRoot, 'src', 'detect', 'detect-content.ts'), 'utf8');
    const listing = source
      .split('\n')
      .map((line, i) => `${i + 1}:${line}`)
      .filter((line) => /function |const /.test(line))
      .join('\n');
    expect(listing.split('\n').length).toBeGreaterThan(5);
    expect(detectContent(listing).kind).toBe('search');
  });
});
