/**
 * The line a repeated run is sent as: where the model already has it, `(lines 7-13 repeat lines 11-17
 * of the output of call call_26)`, or inside code the same words as the language's comment after its
 * empty statement where it has one (`...  # (lines 7-13 repeat ...)`), so the code around it still parses.
 */
import { LANGUAGE_RULES, grammarFor } from '../../compressors/code/code-languages.ts';
import type { ContentKind } from '../../types.ts';
import type { RepeatedRun } from './repeat-plan.ts';
import type { SentOutput } from './sent-outputs.ts';

/** How a pointer inside code is written: the row's number column left blank, the comment, the filler. */
export interface CodePointer {
  /** What stands for the number column in a numbered view (spaces and a tab), or ''. */
  readonly blankPrefix: string;
  /** The indentation of the run's first line. */
  readonly indent: string;
  readonly lineComment: string;
  /** The language's empty statement (`...` in Python), or null. */
  readonly filler: string | null;
}

/** How the model finds the earlier output: the call it answered, else its message. */
function nameOf(output: SentOutput): string {
  return output.callId !== null
    ? `the output of call ${output.callId}`
    : `the tool output of message ${output.messageIndex}`;
}

function range(first: number, length: number): string {
  return length === 1 ? `line ${first}` : `lines ${first}-${first + length - 1}`;
}

/** What a pointer adds when the new lines differ from the earlier ones by their number column. */
function formNote(segment: RepeatedRun): string {
  if (segment.form === 'unnumbered') return ', without their line numbers';
  if (segment.form === 'numbered' && segment.firstNumber !== null)
    return `, numbered ${segment.firstNumber}-${segment.firstNumber + segment.length - 1}`;
  return '';
}

/**
 * The line sent in place of `segment`, a run of lines that repeats one of `outputs`. `ownLines` says
 * which lines of this output the run is (`lines 7-13 repeat ...`); a run of a compressed output, whose
 * line numbers the model cannot look up, says how many (`7 lines repeat ...`).
 */
export function pointerLine(
  segment: RepeatedRun,
  outputs: readonly SentOutput[],
  code: CodePointer | null,
  ownLines = true,
): string {
  const earlier = outputs[segment.output] as SentOutput;
  const path = earlier.views[segment.view]?.path ?? null;
  const within = path === null ? ' of' : ` of the string ${path} in`;
  const which = ownLines ? range(segment.start + 1, segment.length) : `${segment.length} lines`;
  const said = `(${which} repeat ${range(segment.from + 1, segment.length)}${within} ${nameOf(earlier)}${formNote(segment)})`;
  if (code === null) return said;
  const filler = code.filler === null ? '' : `${code.filler}  `;
  return `${code.blankPrefix}${code.indent}${filler}${code.lineComment} ${said}`;
}

/** The marker line of an output: in a block that is code as a whole, the language's comment holding it. */
export function markerLine(marker: string, kind: ContentKind, language: string | undefined): string {
  const grammar = kind === 'code' && language !== undefined ? grammarFor(language) : null;
  return grammar === null ? marker : `${LANGUAGE_RULES[grammar].lineComment} ${marker}`;
}
