/**
 * Reads what `git log` prints in its default (`medium`) and `fuller` formats, with `--stat` or not:
 *
 *   commit bd46928317c40a72b51d6f8c4ccd630120cd21d2 (HEAD -> main)
 *   Merge: 1a2b3c4 5d6e7f8
 *   Author: A U Thor <author@example.com>
 *   Date:   Mon Dec 7 06:16:00 2026 +0000
 *
 *       The subject line
 *
 *       The body, paragraph by paragraph.
 *
 *    src/a.ts | 2 +-
 *    1 file changed, 1 insertion(+), 1 deletion(-)
 *
 * as records. A log with patches (`-p`), or a header this reader does not know, is not read.
 */

/** One commit as the log printed it. */
export interface CommitRecord {
  readonly sha: string;
  /** What the commit line names in parentheses (`HEAD -> main, tag: v1`), or null. */
  readonly refs: string | null;
  readonly author: string | null;
  readonly date: string | null;
  /** Other header lines as printed (`Merge:`; `fuller`'s `Commit:` and `CommitDate:` where they differ from the author's). */
  readonly headers: readonly string[];
  /** The message's first line, without its indentation; null for an empty message. */
  readonly subject: string | null;
  /** Message lines after the subject that hold text. */
  readonly bodyLines: number;
  /** What follows the message (`--stat` lines), as printed, blank lines left out. */
  readonly after: readonly string[];
}

/** A log: the lines before its first commit, and its commits. */
export interface GitLog {
  readonly before: readonly string[];
  readonly commits: readonly CommitRecord[];
}

const COMMIT = /^commit ([0-9a-f]{7,64})(?: \((.+)\))?\s*$/;
const HEADER = /^(Merge|Author|AuthorDate|Commit|CommitDate|Date):\s+(.*)$/;
const MESSAGE = /^ {4}/;
const PATCH = /^diff --git |^@@ /;
/** A log needs this many commits before it is read as one. */
const MIN_COMMITS = 3;

function readCommit(lines: readonly string[], start: number, end: number): CommitRecord | null {
  const opening = COMMIT.exec(lines[start] as string);
  if (opening === null) return null;
  let author: string | null = null;
  let date: string | null = null;
  const headers: string[] = [];
  let line = start + 1;
  for (; line < end && (lines[line] as string).trim() !== ''; line += 1) {
    const header = HEADER.exec(lines[line] as string);
    if (header === null) return null;
    const name = header[1];
    const value = header[2] ?? '';
    if (name === 'Author' && author === null) author = value;
    else if ((name === 'Date' || name === 'AuthorDate') && date === null) date = value;
    else headers.push(lines[line] as string);
  }
  // `fuller` names the committer and the commit date too: said only where they differ.
  const told = headers.filter((text) => {
    const header = HEADER.exec(text);
    const value = header?.[2];
    return !((header?.[1] === 'Commit' && value === author) || (header?.[1] === 'CommitDate' && value === date));
  });
  const message: string[] = [];
  const after: string[] = [];
  for (; line < end; line += 1) {
    const text = lines[line] as string;
    if (PATCH.test(text)) return null;
    if (text.trim() === '') continue;
    if (after.length === 0 && MESSAGE.test(text)) message.push(text.slice(4));
    else after.push(text);
  }
  const subject = message[0] ?? null;
  return {
    sha: opening[1] as string,
    refs: opening[2] ?? null,
    author,
    date,
    headers: told,
    subject,
    bodyLines: Math.max(0, message.length - 1),
    after,
  };
}

/** The log `lines` print, or null when they are not one. */
export function readGitLog(lines: readonly string[]): GitLog | null {
  const starts = lines.flatMap((text, index) => (COMMIT.test(text) ? [index] : []));
  if (starts.length < MIN_COMMITS) return null;
  const commits: CommitRecord[] = [];
  for (const [i, start] of starts.entries()) {
    const commit = readCommit(lines, start, starts[i + 1] ?? lines.length);
    if (commit === null) return null;
    commits.push(commit);
  }
  return { before: lines.slice(0, starts[0]), commits };
}
