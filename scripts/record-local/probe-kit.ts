/**
 * Helpers sessions use to derive probes from real outputs. Every helper finds its answer in the
 * output it names and throws when it is not there, so no answer is ever typed by hand.
 */
import type { ProbeKind } from '../../src/bench/probe.ts';
import { RecordingError } from './recording-error.ts';
import type { ProbeDraft, StepOutput } from './session.ts';

/** The output of step `index`, or an error naming the session. */
export function stepOutput(outputs: readonly StepOutput[], index: number, session: string): StepOutput {
  const output = outputs[index];
  if (output === undefined) throw new RecordingError(session, `no output for step ${index}`);
  return output;
}

/** The lines of an output. */
export function linesOf(output: StepOutput): string[] {
  return output.text.split('\n');
}

/** The first line of the output matching `pattern`, with its match; throws when none does. */
export function firstMatch(
  output: StepOutput,
  pattern: RegExp,
  session: string,
): { line: string; match: RegExpExecArray } {
  for (const line of linesOf(output)) {
    const match = pattern.exec(line);
    if (match !== null) return { line, match };
  }
  throw new RecordingError(session, `no line of \`${output.command}\` matches ${pattern}`);
}

/** A probe whose answer is verbatim in the output; throws when it is not. */
export function verbatim(
  kind: Exclude<ProbeKind, 'negative'>,
  output: StepOutput,
  question: string,
  answer: string,
  session: string,
): ProbeDraft {
  if (answer === '' || !output.text.includes(answer)) {
    throw new RecordingError(session, `answer ${JSON.stringify(answer)} is not in the output of \`${output.command}\``);
  }
  return { kind, question, answers: [answer], turn: output.turn };
}

/** A probe whose answer is derived (e.g. a count over lines) and so only a live model can score it. */
export function derived(
  kind: Exclude<ProbeKind, 'negative'>,
  output: StepOutput,
  question: string,
  answer: string,
): ProbeDraft {
  return { kind, question, answers: [answer], turn: output.turn, liveOnly: true };
}

/** A negative probe: strings the trace never contains (checked over the whole trace by the recorder). */
export function never(output: StepOutput, question: string, absent: readonly string[]): ProbeDraft {
  return { kind: 'negative', question, answers: absent, turn: output.turn };
}

/** Counts lines that match `pattern` (e.g. hits per file in `rg -n` output). */
export function countLines(output: StepOutput, pattern: RegExp): number {
  return linesOf(output).filter((line) => pattern.test(line)).length;
}
