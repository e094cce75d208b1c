/**
 * The block texts a report's drill-down shows, kept bounded: each side of a block cut to its head and
 * tail, the text before compression kept once per (trace, request, place) whatever the config, the
 * text after only where it differs, and no more text at all once the run's budget is spent.
 */
import type { BlockRow } from '../../bench/replay-rows.ts';

/** Characters kept from the start and the end of a long block. */
export const TEXT_HEAD_CHARS = 12_000;
export const TEXT_TAIL_CHARS = 4_000;
/** Characters of block text a whole run keeps for its drill-down. @default 48 Mi */
export const RUN_TEXT_BUDGET_CHARS = 48 * 1024 * 1024;

/** A block's text as the page shows it: whole, or its head and tail with how much sits between. */
export interface ShownText {
  readonly head: string;
  /** Empty when the whole text is in `head`. */
  readonly tail: string;
  /** Characters between head and tail, left out of the report (the trace file holds them). */
  readonly omitted: number;
}

/** The texts of one trace: before by `request|path`, after by `config|request|path`. */
export interface TraceTexts {
  readonly before: Record<string, ShownText>;
  readonly after: Record<string, ShownText>;
}

/** Cuts `text` to its head and tail. */
export function shownText(text: string): ShownText {
  if (text.length <= TEXT_HEAD_CHARS + TEXT_TAIL_CHARS) return { head: text, tail: '', omitted: 0 };
  return {
    head: text.slice(0, TEXT_HEAD_CHARS),
    tail: text.slice(text.length - TEXT_TAIL_CHARS),
    omitted: text.length - TEXT_HEAD_CHARS - TEXT_TAIL_CHARS,
  };
}

/** The key of a block's text before compression. */
export const beforeKey = (row: Pick<BlockRow, 'request_index' | 'path'>): string => `${row.request_index}|${row.path}`;
/** The key of a block's text as a config sent it. */
export const afterKey = (row: Pick<BlockRow, 'config' | 'request_index' | 'path'>): string =>
  `${row.config}|${row.request_index}|${row.path}`;

const size = (text: ShownText): number => text.head.length + text.tail.length;

/** Gathers block texts during a replay (`ReplayProgress.onBlock`), within the run's budget. */
export class BlockTextCollector {
  readonly #traces = new Map<string, { before: Record<string, ShownText>; after: Record<string, ShownText> }>();
  #spent = 0;
  /** Blocks whose texts did not fit the budget. */
  #left = 0;

  constructor(readonly budgetChars: number = RUN_TEXT_BUDGET_CHARS) {}

  /** Records one block; a warm-up replay (config `warm-up`) is ignored. */
  add(row: BlockRow, before: string, after: string): void {
    if (row.config === 'warm-up') return;
    let texts = this.#traces.get(row.trace);
    if (texts === undefined) {
      texts = { before: {}, after: {} };
      this.#traces.set(row.trace, texts);
    }
    const key = beforeKey(row);
    const needBefore = !(key in texts.before);
    const shownBefore = needBefore ? shownText(before) : null;
    const shownAfter = after === before ? null : shownText(after);
    const cost = (shownBefore === null ? 0 : size(shownBefore)) + (shownAfter === null ? 0 : size(shownAfter));
    if (this.#spent + cost > this.budgetChars) {
      this.#left += 1;
      return;
    }
    this.#spent += cost;
    if (shownBefore !== null) texts.before[key] = shownBefore;
    if (shownAfter !== null) texts.after[afterKey(row)] = shownAfter;
  }

  /** The texts gathered for `trace` (empty when none). */
  textsOf(trace: string): TraceTexts {
    return this.#traces.get(trace) ?? { before: {}, after: {} };
  }

  /** How many blocks had no room left in the budget. */
  get blocksLeftOut(): number {
    return this.#left;
  }
}
