/**
 * The log compressor. Balanced keeps every warn-or-worse record, aggressive every error-or-worse
 * one; both keep the first record of each template (stack traces whole) and records that mention
 * conversation identifiers, and fold the other repeats into a table of templates with occurrence
 * counts and first/last timestamps, under one marker for the whole original. A kept record that
 * repeats an earlier kept one but for its timestamp is written as that timestamp on the line under
 * the first (timestamp-repeats.ts): every kept record stays readable whole.
 * Lossless returns null: folding repeats is never byte-reversible from the text alone.
 */
import {
  lossyProfileFor,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import type { Severity } from '../../detect/log-line-grammar.ts';
import { dropInput } from '../lossy-result.ts';
import type { Profile } from '../../types.ts';
import { mentionsConversation } from '../text/conversation-terms.ts';
import { planFolds, type FoldedTemplate } from './log-fold-plan.ts';
import { splitRecords, type LogRecord } from './log-records.ts';
import { logTemplate, MAX_CHARS } from './log-template.ts';
import { repeatsLine, timestampRepeats } from './timestamp-repeats.ts';

const KEEP_FROM: Record<Exclude<Profile, 'lossless'>, Severity> = { balanced: 'warn', aggressive: 'error' };
const MIN_LINES = 8;
const TEMPLATE_CHARS = 160;

/** `first..last`, the last without the date part it shares with the first. */
function timeRange(first: string, last: string): string {
  const space = first.indexOf(' ');
  const shared = space > 0 && last.startsWith(first.slice(0, space + 1));
  return `${first}..${shared ? last.slice(space + 1) : last}`;
}

function describeFold(fold: FoldedTemplate): string {
  const range =
    fold.firstTimestamp === null ? '' : ` ${timeRange(fold.firstTimestamp, fold.lastTimestamp ?? fold.firstTimestamp)}`;
  const template =
    fold.template.length > TEMPLATE_CHARS ? `${fold.template.slice(0, TEMPLATE_CHARS)}...` : fold.template;
  return `  ${fold.occurrences}x${range} ${template}`;
}

/**
 * Lines `start` to `end` joined by newlines, cut short once past MAX_CHARS: the template reads no
 * further, so a long stack trace is never joined whole.
 */
function recordHead(lines: readonly string[], start: number, end: number): string {
  let head = lines[start] as string;
  for (let index = start + 1; index < end && head.length <= MAX_CHARS; index += 1)
    head += `\n${lines[index] as string}`;
  return head;
}

/** Whether any of lines `start` to `end` mentions a conversation term. */
function anyMentions(
  lines: readonly string[],
  start: number,
  end: number,
  mentions: (line: string) => boolean,
): boolean {
  for (let index = start; index < end; index += 1) if (mentions(lines[index] as string)) return true;
  return false;
}

function compressLog(input: CompressInput, context: CompressContext): CompressResult | null {
  const profile = lossyProfileFor(input, context);
  if (profile === null) return null;
  const lines = input.text.split('\n');
  if (lines.length < MIN_LINES) return null;
  const records = splitRecords(lines);
  const templates = records.map((record) => logTemplate(recordHead(lines, record.start, record.end)));
  const mentions = mentionsConversation(context.conversation);
  const plan = planFolds(records, templates, {
    keepFrom: KEEP_FROM[profile],
    mentioned: (record) => anyMentions(lines, record.start, record.end, mentions),
  });
  if (plan.omittedLines === 0) return null;
  const repeats = timestampRepeats(lines, records, plan.kept);
  const kept = repeats.written.flatMap((index) => {
    const record = records[index] as LogRecord;
    const times = repeats.repeatsOf.get(index);
    const own = lines.slice(record.start, record.end);
    return times === undefined ? own : [...own, repeatsLine(record.timestamp as string, times)];
  });
  const drop = dropInput(input.text);
  // A final newline ends the last line; it does not start one (retrieve's line numbers agree).
  const lineCount = input.text.endsWith('\n') ? lines.length - 1 : lines.length;
  const marker = drop.marker(
    `${plan.omittedLines} of ${lineCount} log lines folded into the counts above; the ref holds every line`,
  );
  const text = [
    ...kept,
    `-- ${plan.folded.length} repeated templates (occurrences in the whole log, first..last time):`,
    ...plan.folded.map(describeFold),
    marker,
  ].join('\n');
  return drop.result(text);
}

/** Folds repeated log lines into counted templates; keeps severe records and stack traces whole. */
export const logCompressor: Compressor = {
  name: 'log',
  kinds: ['log'],
  compress: compressLog,
};
