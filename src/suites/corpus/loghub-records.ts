/**
 * One loghub system's 2,000 raw lines joined with their ground truth: the structured CSV where
 * loghub ships one (level, event template, BGL's alert label and node), else the event templates
 * matched against each line's message.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { csvRecords } from './csv-records.ts';

/** One raw log line and what the ground truth says about it. */
export interface LogRecord {
  /** 0-based line index in `<System>_2k.log`. */
  readonly index: number;
  readonly raw: string;
  readonly level: string;
  readonly eventId: string;
  readonly template: string;
  /** The line's message (what the template describes). */
  readonly content: string;
  /** BGL's alert category; `-` for a normal line and for systems without labels. */
  readonly label: string;
  /** BGL's reporting node; empty elsewhere. */
  readonly node: string;
}

/** A system's lines and templates. */
export interface LogSystem {
  readonly name: string;
  readonly records: readonly LogRecord[];
  /** EventId -> template text. */
  readonly templates: ReadonlyMap<string, string>;
}

/** Template text as a regex over a message: `<*>` matches any run of characters. */
function templatePattern(template: string): RegExp {
  const parts = template.split('<*>').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*?')}$`);
}

// Spark's lines read `yy/MM/dd HH:mm:ss LEVEL component: message`.
const SPARK_LINE = /^\S+ \S+ (\w+) [\w.$]+: (.*)$/;

/** Records of a system without a structured CSV: level and message parsed, template matched. */
function matchedRecords(lines: readonly string[], templates: ReadonlyMap<string, string>): LogRecord[] {
  // The most specific template wins: the one with the most literal text.
  const patterns = [...templates]
    .map(([id, text]) => ({ id, text, pattern: templatePattern(text), literal: text.replaceAll('<*>', '').length }))
    .sort((a, b) => b.literal - a.literal);
  return lines.map((raw, index) => {
    const parsed = SPARK_LINE.exec(raw);
    const content = parsed?.[2] ?? raw;
    const match = patterns.find((p) => p.pattern.test(content));
    return {
      index,
      raw,
      level: parsed?.[1] ?? '',
      eventId: match?.id ?? '',
      template: match?.text ?? '',
      content,
      label: '-',
      node: '',
    };
  });
}

/** Reads `<loghub>/<name>/`; the structured CSV's rows are in the raw file's line order. */
export async function readLogSystem(loghubDir: string, name: string): Promise<LogSystem> {
  const base = path.join(loghubDir, name, `${name}_2k.log`);
  // The files have CRLF endings; a line is its text, so a page joins them with LF.
  const lines = (await readFile(base, 'utf8')).replace(/\r?\n$/, '').split(/\r?\n/);
  const templates = new Map(
    csvRecords(await readFile(`${base}_templates.csv`, 'utf8')).map((r) => [r.EventId ?? '', r.EventTemplate ?? '']),
  );
  const structuredFile = `${base}_structured.csv`;
  if (!existsSync(structuredFile)) return { name, records: matchedRecords(lines, templates), templates };
  const rows = csvRecords(await readFile(structuredFile, 'utf8'));
  const records = lines.map((raw, index) => {
    const row = rows[index] ?? {};
    return {
      index,
      raw,
      level: row.Level ?? '',
      eventId: row.EventId ?? '',
      template: row.EventTemplate ?? '',
      content: (row.Content ?? '').trim(),
      label: row.Label ?? '-',
      // Only BGL's Node names a machine (Zookeeper's `Node` column is a thread name).
      node: row.Label === undefined ? '' : (row.Node ?? ''),
    };
  });
  return { name, records, templates };
}
