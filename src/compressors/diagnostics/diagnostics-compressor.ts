/**
 * The diagnostics compressor: a compiler's or linter's report (tsc, gcc, clang, rustc and cargo in
 * either form, javac, mypy, flake8, ruff) as counts. Diagnostics of the same kind (severity, code and message with its quoted
 * names and numbers masked) fold into one line with their exact count, the names they were about
 * (most frequent first) and the first of them in full; every file gets its count, and the first
 * diagnostic in each file, every kind seen at most twice and every line naming what the
 * conversation mentions stay verbatim with their context. The rest is behind one marker, e.g.
 *
 *   1028 diagnostics (1028 errors) in 2 files; by kind, with each kind's first in full:
 *   1021x error TS2304: Cannot find name '…' (names: 'choice' x300, 'seq' x280, +3 more)
 *     grammars/go-grammar.js(29,20): error TS2304: Cannot find name 'choice'.
 *   ...
 *   [[terse:3f9a0c1d2b4e5f60 1012 of 1030 lines folded into the counts above; the ref holds every line]]
 *
 * Served for `log`, `table` and `search` blocks ahead of their own compressors: tsc's `(12,5)` reads
 * as a two-column table and gcc's `a.c:12:5:` as search hits. Anything else it leaves alone.
 */
import type { CompressContext, CompressInput, CompressResult, Compressor } from '../compressor.ts';
import { MARKER_PATTERN } from '../../store/marker.ts';
import { dropInput } from '../lossy-result.ts';
import { mentionsConversation } from '../text/conversation-terms.ts';
import { readDiagnosticReport, type DiagnosticRecord } from './diagnostic-report.ts';
import { messageTemplate } from './message-template.ts';

/** Kinds seen at most this often keep every occurrence verbatim. */
const RARE_KIND = 2;
/** Names listed per kind, and files listed in the summary, before `+N more`. */
const NAMES_SHOWN = 5;
const FILES_SHOWN = 12;

interface Kind {
  readonly label: string;
  readonly first: DiagnosticRecord;
  count: number;
  readonly names: Map<string, number>;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `'a' x3, 'b' x2, +4 more`: the most frequent first, ties in order of appearance. */
function topCounts(counts: ReadonlyMap<string, number>, shown: number, quote: boolean): string {
  const ranked = [...counts]
    .map(([name, count], order) => ({ name, count, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order);
  const listed = ranked.slice(0, shown).map(({ name, count }) => `${quote ? `'${name}'` : name} x${count}`);
  if (ranked.length > shown) listed.push(`+${ranked.length - shown} more`);
  return listed.join(', ');
}

// javac names what it cannot find on a line of its own: `  symbol:   variable prio`.
const JAVAC_SYMBOL = /^\s+symbol:\s+(?:variable|method|class|constructor|package)\s+([^\s(]+)/;

/** The names a diagnostic's context lines give (javac's `symbol:` line), for a message that quotes none. */
function symbolsIn(lines: readonly string[], record: DiagnosticRecord): string[] {
  const names: string[] = [];
  for (let index = record.start + 1; index < record.end; index += 1) {
    const match = JAVAC_SYMBOL.exec(lines[index] as string);
    if (match?.[1] !== undefined) names.push(match[1]);
  }
  return names;
}

function compressDiagnostics(input: CompressInput, context: CompressContext): CompressResult | null {
  if (context.profile === 'lossless' || MARKER_PATTERN.test(input.text)) return null;
  const report = readDiagnosticReport(input.text);
  if (report === null) return null;
  const { lines, records, others } = report;
  const kinds = new Map<string, Kind>();
  const files = new Map<string, number>();
  const kindOf: Kind[] = [];
  const severities = new Map<string, number>();
  for (const record of records) {
    const { diagnostic } = record;
    const { template, names: quoted } = messageTemplate(diagnostic.message);
    const names = quoted.length > 0 ? quoted : symbolsIn(lines, record);
    const label = `${diagnostic.severity}${diagnostic.code === null ? '' : ` ${diagnostic.code}`}: ${template}`;
    let kind = kinds.get(label);
    if (kind === undefined) kinds.set(label, (kind = { label, first: record, count: 0, names: new Map() }));
    kind.count += 1;
    for (const name of names) kind.names.set(name, (kind.names.get(name) ?? 0) + 1);
    kindOf.push(kind);
    files.set(diagnostic.file, (files.get(diagnostic.file) ?? 0) + 1);
    severities.set(diagnostic.severity, (severities.get(diagnostic.severity) ?? 0) + 1);
  }
  // Verbatim: each kind's first, each file's first, rare kinds whole, lines the conversation names.
  const mentions = mentionsConversation(context.conversation);
  const seenFiles = new Set<string>();
  const verbatim = new Set<DiagnosticRecord>();
  records.forEach((record, index) => {
    const kind = kindOf[index] as Kind;
    const firstInFile = !seenFiles.has(record.diagnostic.file);
    seenFiles.add(record.diagnostic.file);
    if (firstInFile || kind.count <= RARE_KIND || lines.slice(record.start, record.end).some(mentions))
      verbatim.add(record);
  });
  const out: string[] = [];
  const bySeverity = (['error', 'warning', 'note'] as const)
    .filter((s) => severities.has(s))
    .map((s) => plural(severities.get(s) ?? 0, s));
  out.push(
    `${plural(records.length, 'diagnostic')} (${bySeverity.join(', ')}) in ${plural(files.size, 'file')}; by kind, with each kind's first in full:`,
  );
  const shown = new Set<DiagnosticRecord>();
  const linesOf = (record: DiagnosticRecord): string[] =>
    lines.slice(record.start, record.end).map((line) => `  ${line}`);
  for (const kind of kinds.values()) {
    const names = kind.names.size === 0 ? '' : ` (names: ${topCounts(kind.names, NAMES_SHOWN, true)})`;
    out.push(`${kind.count}x ${kind.label}${names}`);
    out.push(...linesOf(kind.first));
    shown.add(kind.first);
  }
  out.push(`files: ${topCounts(files, FILES_SHOWN, false)}`);
  const rest = records.filter((record) => verbatim.has(record) && !shown.has(record));
  if (rest.length > 0) {
    out.push(
      `also in full (the first in each file, kinds seen at most ${RARE_KIND} times, lines the conversation names):`,
    );
    for (const record of rest) out.push(...linesOf(record));
  }
  let keptLines = 0;
  // Counted as `total` is: lines with text (a context line of white space alone is not one).
  const textLines = (record: DiagnosticRecord): number =>
    lines.slice(record.start, record.end).filter((line) => line.trim() !== '').length;
  for (const record of [...shown, ...rest]) keptLines += textLines(record);
  for (const index of others) out.push(lines[index] as string);
  const total = lines.filter((line) => line.trim() !== '').length;
  const folded = total - keptLines - others.length;
  if (folded <= 0) return null;
  const drop = dropInput(input.text);
  out.push(drop.marker(`${folded} of ${total} lines folded into the counts above; the ref holds every line`));
  const text = out.join('\n');
  return drop.result(text);
}

/** Folds a compiler's or linter's report into counts by kind and file, first occurrences in full. */
export const diagnosticsCompressor: Compressor = {
  name: 'diagnostics',
  kinds: ['log', 'table', 'search'],
  compress: compressDiagnostics,
};
