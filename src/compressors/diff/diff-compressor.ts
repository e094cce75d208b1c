/**
 * The diff compressor (unified diffs, `git diff` output): keeps every header and every changed line,
 * trims context runs to a few lines around each change, and splits a hunk where its middle context is
 * dropped, so every hunk header stays true. Each file gets a summary line (`# path: +12 -3`) and, when
 * context was dropped, one marker saying how many lines. Lossless profile: null (no lossless rewrite applies).
 */
import {
  mayBeTerseOutput,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import type { Profile } from '../../types.ts';
import { MARKER_OPENING } from '../../store/marker.ts';
import { dropInput } from '../lossy-result.ts';

/** Context lines kept on each side of a change, per lossy profile. */
const CONTEXT_KEPT: Record<Exclude<Profile, 'lossless'>, number> = { balanced: 2, aggressive: 1 };

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

interface HunkLine {
  readonly text: string;
  /** Old and new line numbers this line would have (for '+' the old one is where it sits). */
  readonly oldLine: number;
  readonly newLine: number;
}

interface FileDiff {
  /** Lines before the first hunk: `diff --git`, `index`, `---`, `+++` and the like. */
  readonly header: string[];
  /** Each hunk as its output lines (already trimmed and split). */
  readonly body: string[];
  name: string;
  added: number;
  removed: number;
  omitted: number;
}

function fileName(line: string): string | null {
  const git = /^diff --git a\/(.*) b\/(.*)$/.exec(line);
  if (git !== null) return git[2] ?? null;
  const plus = /^\+\+\+ (?:b\/)?(.*?)(?:\t.*)?$/.exec(line);
  if (plus !== null && plus[1] !== '/dev/null') return plus[1] ?? null;
  const minus = /^--- (?:a\/)?(.*?)(?:\t.*)?$/.exec(line);
  return minus !== null && minus[1] !== '/dev/null' ? (minus[1] ?? null) : null;
}

/** Reads one hunk starting at `start` (its header); null when its lines do not match the header's counts. */
function readHunk(
  lines: readonly string[],
  start: number,
): { lines: HunkLine[]; next: number; heading: string } | null {
  const header = HUNK_HEADER.exec(lines[start] ?? '');
  if (header === null) return null;
  let oldLeft = header[2] === undefined ? 1 : Number(header[2]);
  let newLeft = header[4] === undefined ? 1 : Number(header[4]);
  let oldLine = Number(header[1]) + (oldLeft === 0 ? 1 : 0);
  let newLine = Number(header[3]) + (newLeft === 0 ? 1 : 0);
  const read: HunkLine[] = [];
  let i = start + 1;
  while (i < lines.length && (oldLeft > 0 || newLeft > 0 || (lines[i] ?? '').startsWith('\\'))) {
    const text = lines[i] as string;
    const sign = text[0];
    read.push({ text, oldLine, newLine });
    if (sign === ' ' || text === '') {
      oldLeft -= 1;
      newLeft -= 1;
      oldLine += 1;
      newLine += 1;
    } else if (sign === '-') {
      oldLeft -= 1;
      oldLine += 1;
    } else if (sign === '+') {
      newLeft -= 1;
      newLine += 1;
    } else if (sign !== '\\') {
      return null;
    }
    if (oldLeft < 0 || newLeft < 0) return null;
    i += 1;
  }
  return oldLeft === 0 && newLeft === 0 ? { lines: read, next: i, heading: header[5] ?? '' } : null;
}

function isChange(line: HunkLine): boolean {
  return line.text.startsWith('+') || line.text.startsWith('-');
}

/** Writes the kept lines of a hunk as one or more hunks with true headers; returns how many were dropped. */
function trimHunk(hunk: readonly HunkLine[], heading: string, keep: number, out: string[]): number {
  const kept = hunk.map(() => false);
  hunk.forEach((line, index) => {
    if (!isChange(line)) return;
    for (let j = Math.max(0, index - keep); j <= Math.min(hunk.length - 1, index + keep); j += 1) kept[j] = true;
  });
  // A "\ No newline" note belongs to the line before it.
  hunk.forEach((line, index) => {
    if (line.text.startsWith('\\') && index > 0) kept[index] = kept[index - 1] === true;
  });
  let dropped = 0;
  let first = true;
  for (let index = 0; index < hunk.length;) {
    if (!kept[index]) {
      dropped += 1;
      index += 1;
      continue;
    }
    let end = index;
    while (end < hunk.length && kept[end]) end += 1;
    const part = hunk.slice(index, end);
    const oldCount = part.filter((line) => !line.text.startsWith('+') && !line.text.startsWith('\\')).length;
    const newCount = part.filter((line) => !line.text.startsWith('-') && !line.text.startsWith('\\')).length;
    const head = part[0] as HunkLine;
    const oldStart = oldCount === 0 ? head.oldLine - 1 : head.oldLine;
    const newStart = newCount === 0 ? head.newLine - 1 : head.newLine;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@${first ? heading : ''}`);
    for (const line of part) out.push(line.text);
    first = false;
    index = end;
  }
  return dropped;
}

/** Splits the diff into files; lines before the first file header form a file without a name. */
function readFiles(lines: readonly string[], keep: number): FileDiff[] | null {
  const files: FileDiff[] = [];
  let current: FileDiff = { header: [], body: [], name: '', added: 0, removed: 0, omitted: 0 };
  files.push(current);
  for (let i = 0; i < lines.length;) {
    const line = lines[i] as string;
    const started = current.header.length > 0 || current.body.length > 0;
    // A `---`/`+++` pair opens a file of its own unless it belongs to the `diff` line just read.
    const opensPlainFile =
      line.startsWith('--- ') &&
      (lines[i + 1] ?? '').startsWith('+++ ') &&
      (current.body.length > 0 || current.header.some((h) => h.startsWith('--- ')) || (current.name === '' && started));
    if ((line.startsWith('diff ') && started) || opensPlainFile) {
      current = { header: [], body: [], name: '', added: 0, removed: 0, omitted: 0 };
      files.push(current);
    }
    if (line.startsWith('@@ ')) {
      const hunk = readHunk(lines, i);
      if (hunk === null) return null;
      current.added += hunk.lines.filter((entry) => entry.text.startsWith('+')).length;
      current.removed += hunk.lines.filter((entry) => entry.text.startsWith('-')).length;
      current.omitted += trimHunk(hunk.lines, hunk.heading, keep, current.body);
      i = hunk.next;
      continue;
    }
    if (current.body.length > 0) current.body.push(line);
    else current.header.push(line);
    current.name ||= fileName(line) ?? '';
    i += 1;
  }
  return files;
}

function compressDiff(input: CompressInput, context: CompressContext): CompressResult | null {
  if (context.profile === 'lossless' || mayBeTerseOutput(input, (text) => text.includes(MARKER_OPENING))) return null;
  const files = readFiles(input.text.split('\n'), CONTEXT_KEPT[context.profile]);
  if (files === null || !files.some((file) => file.omitted > 0)) return null;
  const drop = dropInput(input.text);
  const out: string[] = [];
  for (const file of files) {
    if (file.name !== '') out.push(`# ${file.name}: +${file.added} -${file.removed}`);
    out.push(...file.header, ...file.body);
    if (file.omitted > 0) {
      out.push(drop.marker(`${file.omitted} context lines omitted`));
    }
  }
  const text = out.join('\n');
  return drop.result(text);
}

/** Unified diffs: every header and changed line kept, long context trimmed with a per-file marker and summary. */
export const diffCompressor: Compressor = {
  name: 'diff',
  kinds: ['diff'],
  compress: compressDiff,
};
