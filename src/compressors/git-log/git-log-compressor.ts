/**
 * The git-log compressor: each commit of a `git log` written on one line, its sha cut to 12 digits
 * (still a name git takes), its date, its author unless every commit shares one (said once, on top),
 * and its subject; the message lines past the subject are counted, and what follows a message
 * (`--stat` lines) stays as printed. Lossless returns null: the rewrite leaves a marker holding the
 * log as printed.
 *
 *   (every commit by A U Thor <author@example.com>)
 *   commit bd46928317c4 (HEAD -> main) · Mon Dec 7 06:16:00 2026 +0000 · The subject line (+3 message lines)
 */
import {
  lossyProfileFor,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { rewrittenAs } from '../lossy-result.ts';
import { readGitLog, type CommitRecord } from './git-log-records.ts';

/** Hex digits of a sha kept: git resolves a prefix this long in any repository of human size. */
const SHA_DIGITS = 12;
/** The rewrite must save this many tokens: the marker, and a retrieval a reader may need, cost some. */
const MIN_SAVED_TOKENS = 30;

/** The author every commit names, when there are two commits or more and they all name one. */
function sharedAuthor(commits: readonly CommitRecord[]): string | null {
  const first = commits[0]?.author ?? null;
  return commits.length >= 2 && first !== null && commits.every((c) => c.author === first) ? first : null;
}

function commitLine(commit: CommitRecord, shared: string | null): string {
  const parts = [`commit ${commit.sha.slice(0, SHA_DIGITS)}${commit.refs === null ? '' : ` (${commit.refs})`}`];
  if (commit.date !== null) parts.push(commit.date);
  if (commit.author !== null && commit.author !== shared) parts.push(commit.author);
  const more =
    commit.bodyLines > 0 ? ` (+${commit.bodyLines} message ${commit.bodyLines === 1 ? 'line' : 'lines'})` : '';
  parts.push(`${commit.subject ?? '(no message)'}${more}`);
  return parts.join(' · ');
}

function compressGitLog(input: CompressInput, context: CompressContext): CompressResult | null {
  if (lossyProfileFor(input, context) === null) return null;
  if (!input.text.includes('commit ')) return null;
  const log = readGitLog(input.text.split('\n'));
  if (log === null) return null;
  const shared = sharedAuthor(log.commits);
  const out = [...log.before];
  if (shared !== null) out.push(`(every commit by ${shared})`);
  for (const commit of log.commits) out.push(commitLine(commit, shared), ...commit.headers, ...commit.after);
  const bodies = log.commits.reduce((sum, commit) => sum + commit.bodyLines, 0);
  const said = `${log.commits.length} commits one line each, shas cut to ${SHA_DIGITS} digits${bodies > 0 ? `, ${bodies} message lines past the subjects omitted` : ''}`;
  return rewrittenAs(input, out, `${said}; the ref holds the log as printed`, context.ruler, MIN_SAVED_TOKENS);
}

/** `git log` output: a commit a line, shared authors said once, message bodies counted. */
export const gitLogCompressor: Compressor = {
  name: 'git-log',
  kinds: ['text'],
  compress: compressGitLog,
};
