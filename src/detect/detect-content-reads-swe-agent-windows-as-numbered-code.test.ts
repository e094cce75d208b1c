/**
 * SWE-agent's file viewer (`open`, `goto`, `scroll`) prints a window of numbered rows (`1357:code`)
 * between a `[File: ...]` header and its `(Open file: ...)` footer. Read on the real trajectories of
 * ../shared/corpus/swe-agent-trajs (sessions no suite replays): the rows are code, the frame is text,
 * and a `grep -n` listing, whose numbers skip, stays search.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { detectContent } from './detect-content.ts';

const dir = path.join(environment.sharedDir, 'corpus', 'swe-agent-trajs');
const ROW = /^\d+:/;

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
