/**
 * The table compressor (CSV, TSV, markdown pipe tables). Lossless: markdown cells lose their padding
 * and the alignment row its long dashes. Lossy (balanced, aggressive): long tables keep their header
 * and the rows the keep-rules of the json compressor pick (trouble, outliers, change points, first
 * and last, mentioned ids), with one marker per sampled table saying how many rows it omitted.
 */
import type { CompressContext, CompressInput, CompressResult, Compressor } from '../compressor.ts';
import { MARKER_OPENING } from '../../store/marker.ts';
import { dropInput, type DroppedInput } from '../lossy-result.ts';
import { chooseRows } from '../json/choose-rows.ts';
import { conversationIdentifiers } from '../json/mentioned-identifiers.ts';
import type { Field, Scalar } from '../json/row-fields.ts';
import { SAMPLING_PLANS, type SamplingPlan } from '../json/sample-value.ts';

const RULE_CELL = /^\s*:?-+:?\s*$/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const MIN_DELIMITED_ROWS = 3;

/** A table found in the text: its header lines stay, its data rows may be sampled. */
interface TableBlock {
  /** Index of the first line (or record) of the block, and one past its last. */
  readonly start: number;
  readonly end: number;
  /** How many lines at the start are header (and alignment rule). */
  readonly headerLines: number;
  readonly columns: readonly string[];
  readonly cellsOf: (line: string) => string[];
}

/** Splits a markdown row at its unescaped pipes, without the outer pipes. */
function markdownCells(line: string): string[] {
  const trimmed = line.trim();
  const cells = trimmed.split(/(?<!\\)\|/);
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) cells.pop();
  return cells.map((cell) => cell.trim());
}

/** A markdown row without cell padding; the alignment rule with the shortest dashes that still read as one. */
function tidyMarkdownRow(line: string, isRule: boolean): string {
  const trimmed = line.trim();
  const cells = markdownCells(line);
  const tidy = isRule
    ? cells.map((cell) => `${cell.startsWith(':') ? ':' : ''}---${cell.endsWith(':') ? ':' : ''}`)
    : cells;
  const closing = trimmed.endsWith('|') && !trimmed.endsWith('\\|') ? '|' : '';
  return `${trimmed.startsWith('|') ? '|' : ''}${tidy.join('|')}${closing}`;
}

/** Markdown tables: a pipe row, then an alignment row, then rows until a blank or pipe-less line. */
function markdownBlocks(lines: readonly string[]): TableBlock[] {
  const blocks: TableBlock[] = [];
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const head = lines[i] as string;
    const rule = markdownCells(lines[i + 1] as string);
    if (!head.includes('|') || rule.length === 0 || !rule.every((cell) => RULE_CELL.test(cell))) continue;
    let end = i + 2;
    while (end < lines.length && (lines[end] as string).trim() !== '' && (lines[end] as string).includes('|')) end += 1;
    blocks.push({ start: i, end, headerLines: 2, columns: markdownCells(head), cellsOf: markdownCells });
    i = end - 1;
  }
  return blocks;
}

/** Splits CSV/TSV text into records: a newline inside double quotes does not end one. */
function splitRecords(text: string): string[] {
  // Without quotes every newline ends a record.
  if (!text.includes('"')) return text.split('\n');
  const records: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) {
      records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  records.push(text.slice(start));
  return records;
}

/** A cell without the carriage return a CRLF line leaves at its end. */
function withoutReturn(value: string): string {
  return value.endsWith('\r') ? value.slice(0, -1) : value;
}

function delimitedCells(record: string, delimiter: string): string[] {
  // Without quotes the scan below is a plain split.
  if (!record.includes('"')) return record.split(delimiter).map(withoutReturn);
  const cells: string[] = [];
  let quoted = false;
  let cell = '';
  for (let i = 0; i < record.length; i += 1) {
    const ch = record[i] as string;
    if (ch === '"') {
      if (quoted && record[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map(withoutReturn);
}

/** A CSV or TSV table covering every record (a trailing empty record aside), with a steady column count. */
function delimitedBlock(records: readonly string[]): TableBlock | null {
  const end = records[records.length - 1] === '' ? records.length - 1 : records.length;
  if (end < MIN_DELIMITED_ROWS + 1) return null;
  for (const delimiter of ['\t', ',']) {
    // Each record is split once: the width check and the sampling read the same cells.
    const split = new Map<string, string[]>();
    const cellsOf = (record: string): string[] => {
      let cells = split.get(record);
      if (cells === undefined) split.set(record, (cells = delimitedCells(record, delimiter)));
      return cells;
    };
    const width = cellsOf(records[0] as string).length;
    if (width < 2) continue;
    if (records.slice(0, end).every((record) => cellsOf(record).length === width)) {
      return { start: 0, end, headerLines: 1, columns: cellsOf(records[0] as string), cellsOf };
    }
  }
  return null;
}

function asScalar(cell: string): Scalar {
  return NUMBER.test(cell) ? Number(cell) : cell;
}

/** Samples the data rows of `block` in place inside `lines`; returns the number of rows dropped. */
function sampleBlock(
  lines: string[],
  block: TableBlock,
  plan: SamplingPlan,
  mentioned: ReadonlySet<string>,
  drop: DroppedInput,
): number {
  const rows = lines.slice(block.start + block.headerLines, block.end);
  if (rows.length <= plan.keepWhole) return 0;
  const fields = rows.map((row): Field[] =>
    block.cellsOf(row).map((cell, index) => {
      const key = block.columns[index] ?? String(index);
      return { path: key, key, value: asScalar(cell) };
    }),
  );
  const kept = chooseRows(fields, { budget: plan.budget, mentioned }).map((index) => rows[index] as string);
  const dropped = rows.length - kept.length;
  if (dropped === 0) return 0;
  const marker = drop.marker(`${dropped} of ${rows.length} rows omitted; retrieve with query`);
  lines.splice(block.start + block.headerLines, rows.length, ...kept, marker);
  return dropped;
}

function compressTable(input: CompressInput, context: CompressContext): CompressResult | null {
  if (input.text.includes(MARKER_OPENING)) return null;
  let lines = input.text.split('\n');
  let blocks = markdownBlocks(lines);
  if (blocks.length > 0) {
    for (const block of blocks) {
      for (let index = block.start; index < block.end; index += 1) {
        lines[index] = tidyMarkdownRow(lines[index] as string, index === block.start + 1);
      }
    }
  } else {
    lines = splitRecords(input.text);
    const block = delimitedBlock(lines);
    blocks = block === null ? [] : [block];
  }
  if (blocks.length === 0) return null;
  let omitted = 0;
  const drop = dropInput(input.text);
  if (context.profile !== 'lossless') {
    const plan = SAMPLING_PLANS[context.profile];
    const mentioned = conversationIdentifiers(context.conversation);
    // From the last block back, so that splicing one block leaves the earlier blocks' line numbers true.
    for (const block of [...blocks].reverse()) omitted += sampleBlock(lines, block, plan, mentioned, drop);
  }
  const text = lines.join('\n');
  if (text === input.text) return null;
  if (omitted === 0) return { text, lossy: false, dropped: [] };
  return drop.result(text);
}

/** CSV, TSV and markdown tables: padding trimmed losslessly; long tables sampled by the json keep-rules. */
export const tableCompressor: Compressor = {
  name: 'table',
  kinds: ['table'],
  compress: compressTable,
};
