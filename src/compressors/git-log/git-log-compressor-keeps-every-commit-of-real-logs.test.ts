/**
 * Real `git log` output (this repository's own history, in the default, `--stat` and `fuller`
 * formats, merges and multi-line messages among it): every commit keeps its sha's first 12 digits, its
 * date, its author (once on top when all share one) and its subject, in order; `--stat` lines stay as
 * printed; message lines past the subject are counted; a log with patches or a one-line log is not read.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { gitLogCompressor } from './git-log-compressor.ts';
import { readGitLog } from './git-log-records.ts';

const ruler = createTokenRuler('o200k_base');

function git(...args: string[]): string {
  const run = spawnSync('git', args, { cwd: environment.projectRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
  return run.status === 0 ? run.stdout : '';
}

/** A shallow clone has too little history to read. */
const commits = Number(git('rev-list', '--count', 'HEAD').trim() || '0');

/** sha, author, author date (as the default format prints it), subject, and message lines past it. */
function truth(range: string): { sha: string; author: string; date: string; subject: string; more: number }[] {
  return git('log', range, '--format=%H%x1f%an <%ae>%x1f%ad%x1f%s%x1f%b%x1e')
    .split('\x1e')
    .filter((record) => record.trim() !== '')
    .map((record) => {
      const [sha, author, date, subject, body] = record.replace(/^\n/, '').split('\x1f') as [
        string,
        string,
        string,
        string,
        string,
      ];
      return { sha, author, date, subject, more: body.split('\n').filter((line) => line.trim() !== '').length };
    });
}

describe.skipIf(commits < 50)("git-log compressor on this repository's history", () => {
  const logs = [
    { name: 'default', text: git('log', '-150'), range: '-150' },
    { name: '--stat', text: git('log', '-40', '--stat'), range: '-40' },
    { name: 'fuller', text: git('log', '-60', '--format=fuller'), range: '-60' },
  ];

  it('keeps every commit: sha, date, author and subject, in order, with its stat lines', () => {
    for (const { name, text, range } of logs) {
      const result = expectConformingResult(gitLogCompressor, text, 'text', {
        profile: 'balanced',
        ruler,
        conversation: '',
      });
      expect(result, name).not.toBeNull();
      const out = result?.text ?? '';
      expect(findMarkers(out), name).toHaveLength(1);
      expect(ruler.count(out), name).toBeLessThan(ruler.count(text));
      const lines = out.split('\n');
      const commitLines = lines.filter((line) => line.startsWith('commit '));
      const expected = truth(range);
      expect(commitLines, name).toHaveLength(expected.length);
      const shared = /^\(every commit by (.+)\)$/.exec(lines[0] ?? '')?.[1];
      expected.forEach((commit, i) => {
        const line = commitLines[i] as string;
        expect(line.startsWith(`commit ${commit.sha.slice(0, 12)}`), `${name}: ${commit.sha}`).toBe(true);
        expect(line, name).toContain(` · ${commit.date} · `);
        expect(line, name).toContain(commit.subject);
        if (shared === undefined) expect(line, name).toContain(commit.author);
        else expect(shared, name).toBe(commit.author);
        if (commit.more > 0) expect(line, name).toContain(`(+${commit.more} message line`);
      });
      const stats = text.split('\n').filter((line) => /^ \S.* \| +\d+|^ \d+ files? changed/.test(line));
      expect(
        lines.filter((line) => stats.includes(line)),
        name,
      ).toEqual(stats);
      const merges = text.split('\n').filter((line) => line.startsWith('Merge: '));
      expect(
        lines.filter((line) => line.startsWith('Merge: ')),
        name,
      ).toEqual(merges);
    }
    expect(
      logs.some(({ text }) => text.includes('\nMerge: ')),
      'the history holds merges',
    ).toBe(true);
    expect(
      truth('-150').some((commit) => commit.more > 0),
      'the history holds message bodies',
    ).toBe(true);
  });

  it('reads no log with patches, and no one-line log', () => {
    expect(readGitLog(git('log', '-5', '-p').split('\n'))).toBeNull();
    expect(readGitLog(git('log', '-50', '--oneline').split('\n'))).toBeNull();
    expect(
      gitLogCompressor.compress(
        { text: git('log', '-50'), kind: 'text' },
        { profile: 'lossless', ruler, conversation: '' },
      ),
    ).toBeNull();
  });
});
