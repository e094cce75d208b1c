/** What the outline planners share: the options, the regions they write, and the ranges already decided. */
import type { LanguageRules } from './code-languages.ts';
import type { RowRange } from './fragment-frame.ts';
import type { SourceLines } from './source-lines.ts';

/** How much an outline keeps; see `OUTLINE_PROFILES` in code-compressor.ts. */
export interface OutlineOptions {
  /** Bodies spanning at most this many lines stay whole. */
  readonly shortBodyLines: number;
  /** A long body's first statement stays when it spans at most this many lines (0: never). */
  readonly headMaxLines: number;
  /** A run of statements is elided only when it spans at least this many lines. */
  readonly minElidedLines: number;
  /** Most called names a marker lists; the rest are counted ("+3 more"). */
  readonly maxCalls: number;
  /**
   * A run of list elements (data, not statements) is elided only when it holds at least this many
   * non-blank characters: its marker costs 30 tokens and more, and the text compressor often does
   * better with a block whose lists are short.
   */
  readonly minElidedListChars: number;
}

/** Rows replaced by one marker line. */
export interface ElidedRegion {
  /** 0-based, inclusive. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly indent: string;
  /** Names the dropped statements call (or the keys the dropped elements bind, or the declarations dropped), in order of first appearance. */
  readonly calls: readonly string[];
  /** What `calls` holds: the marker says `calls:`, `keys:` or `declares:`. @default 'calls' */
  readonly namesAre?: 'calls' | 'keys' | 'declares';
  /** The marker lists every name that fits its description, not `maxCalls` of them. */
  readonly listsAll?: boolean;
  /** Python docstring tail: the quotes written after the marker to close the string. */
  readonly closing: string | null;
  /** The body keeps no statement: write the language's no-op before the marker comment. */
  readonly filler: boolean;
  /** Elided elements of a list (data): dropped again, alone, when the outline does not parse. */
  readonly list?: boolean;
}

/**
 * Index ranges already decided (elided, or kept whole), as a stack whose top is the earliest range.
 * Nodes arrive in document order, so ranges that end before the current one are done with.
 */
export class DecidedRanges {
  private readonly stack: [number, number][] = [];

  covers(index: number): boolean {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]![1] <= index) this.stack.pop();
    const top = this.stack[this.stack.length - 1];
    return top !== undefined && top[0] <= index;
  }

  /** Ranges in document order, all inside the node being decided. */
  add(ranges: readonly [number, number][]): void {
    for (let i = ranges.length - 1; i >= 0; i -= 1) this.stack.push(ranges[i]!);
  }
}

/** One planning pass over a tree. */
export interface PlanScope {
  readonly lines: SourceLines;
  readonly rules: LanguageRules;
  readonly options: OutlineOptions;
  readonly mentioned: ReadonlySet<string>;
  readonly regions: ElidedRegion[];
  readonly decided: DecidedRanges;
  /** Start indices, ascending, of functions whose statement body is long enough to outline (found on first ask). */
  readonly longFunctionStarts: () => readonly number[];
  /** Start indices of lists kept whole (a mentioned class's declarations), though what they nest is planned. */
  readonly keptLists: Set<number>;
  /** The rows regions may cover: all of them, or a framed fragment's own. */
  readonly within: RowRange;
}
