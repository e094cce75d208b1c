/**
 * The tool outputs a session has already sent, line by line, as the model saw them: what a new output
 * can point back to instead of repeating (an agent re-reads a file after editing it, re-runs the same
 * tests, greps again, opens an issue a list showed). Only lines long enough to be worth pointing at
 * are indexed. Besides its own lines, an output sent as JSON (or terse's columnar form of it) offers
 * the lines of each of its multi-line strings, named by their path (`[3].body`): an issue body a
 * list showed is the same text `get_issue` prints.
 */
import { decodeColumnar } from '../../compressors/json/columnar-format.ts';
import type { JsonValue } from '../../types.ts';
import { keyedLine } from './numbered-lines.ts';

/** Lines of an output the model can find: the output's own, or those of one of its JSON strings. */
export interface SentView {
  /** Null for the output's own lines; else the JSON path of the string (`[3].body`, `issues[0].text`). */
  readonly path: string | null;
  readonly lines: readonly string[];
}

/** An output the model has in its context. */
export interface SentOutput {
  /** How the model can find it: the call id it answers, when the request gives one. */
  readonly callId: string | null;
  readonly messageIndex: number;
  /** Its own lines as sent (a compressed output's as compressed: those are the ones the model saw) first, then its strings'. */
  readonly views: readonly SentView[];
}

/** Lines shorter than this (blank lines, braces, `fi`) repeat by chance and are never pointed at alone. */
export const MIN_INDEXED_LINE = 8;
/** Strings with fewer lines than this hold nothing a run could point at. */
const MIN_STRING_LINES = 3;
/** Outputs longer than this are not read for strings: parsing them costs more than pointing saves. */
const MAX_PARSED_CHARS = 2_000_000;
/** Strings nested deeper than this are not looked for (a hostile document nests thousands deep). */
const MAX_DEPTH = 32;

/** Where a line sits: which output, which of its views, which 0-based line. */
export interface LinePlace {
  readonly output: number;
  readonly view: number;
  readonly line: number;
}

/** Lines of a text, each ending kept off (`\r` stays with its line). */
export function linesOf(text: string): string[] {
  return text.split('\n');
}

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (PLAIN_KEY.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function collectStrings(value: JsonValue, path: string, into: SentView[], depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.includes('\n')) {
      const lines = linesOf(value);
      if (lines.length >= MIN_STRING_LINES) into.push({ path, lines });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectStrings(item, childPath(path, index), into, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collectStrings(item, childPath(path, key), into, depth + 1);
  }
}

/** The views of an output sent as `text`: its own lines, then, when it reads as JSON, its multi-line strings. */
export function sentViews(text: string): SentView[] {
  const views: SentView[] = [{ path: null, lines: linesOf(text) }];
  const opening = text.trimStart()[0];
  if (text.length > MAX_PARSED_CHARS || (opening !== '{' && opening !== '[' && opening !== '#')) return views;
  try {
    const decoded = decodeColumnar(text);
    if (decoded.ok) collectStrings(decoded.value, '', views);
  } catch {
    // Strings are an extra to point at: an output that cannot be read for them still offers its lines.
  }
  return views;
}

export class SentOutputs {
  readonly outputs: SentOutput[] = [];
  private readonly places = new Map<string, LinePlace[]>();

  /** Records an output as sent. */
  add(output: SentOutput): void {
    const index = this.outputs.length;
    this.outputs.push(output);
    output.views.forEach((view, viewIndex) => {
      view.lines.forEach((line, at) => {
        // Keyed without a number column: a numbered view and a plain one of the same file meet.
        const key = keyedLine(line).key;
        if (key.trim().length < MIN_INDEXED_LINE) return;
        const place = { output: index, view: viewIndex, line: at };
        const list = this.places.get(key);
        if (list === undefined) this.places.set(key, [place]);
        else list.push(place);
      });
    });
  }

  /** Every place a line with this key (its text without a number column) was sent, oldest first. */
  placesOf(key: string): readonly LinePlace[] {
    return this.places.get(key) ?? [];
  }

  /** The lines of one view of an output. */
  linesAt(output: number, view: number): readonly string[] {
    return this.outputs[output]?.views[view]?.lines ?? [];
  }
}
