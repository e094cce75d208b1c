/**
 * The tool outputs a session has already sent, line by line, as the model saw them: what a new output
 * can point back to instead of repeating (an agent re-reads a file after editing it, re-runs the same
 * tests, greps again). Only lines long enough to be worth pointing at are indexed.
 */

/** An output the model has in its context. */
export interface SentOutput {
  /** How the model can find it: the call id it answers, when the request gives one. */
  readonly callId: string | null;
  readonly messageIndex: number;
  /** Its lines as sent (a compressed output's as compressed: those are the ones the model saw). */
  readonly lines: readonly string[];
}

/** Lines shorter than this (blank lines, braces, `fi`) repeat by chance and are never pointed at alone. */
export const MIN_INDEXED_LINE = 8;

/** Where a line sits: which output, which 0-based line. */
export interface LinePlace {
  readonly output: number;
  readonly line: number;
}

/** Lines of a text, each ending kept off (`\r` stays with its line). */
export function linesOf(text: string): string[] {
  return text.split('\n');
}

export class SentOutputs {
  readonly outputs: SentOutput[] = [];
  private readonly places = new Map<string, LinePlace[]>();

  /** Records an output as sent. */
  add(output: SentOutput): void {
    const index = this.outputs.length;
    this.outputs.push(output);
    output.lines.forEach((line, at) => {
      if (line.trim().length < MIN_INDEXED_LINE) return;
      const list = this.places.get(line);
      if (list === undefined) this.places.set(line, [{ output: index, line: at }]);
      else list.push({ output: index, line: at });
    });
  }

  /** Every place a line was sent, oldest first. */
  placesOf(line: string): readonly LinePlace[] {
    return this.places.get(line) ?? [];
  }
}
