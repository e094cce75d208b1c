/**
 * Collects the probes a generator writes beside its data, and checks the two facts a probe
 * relies on: a verbatim answer sits in its evidence message, a negative answer sits nowhere.
 */
import type { JsonObject, JsonValue } from '../../types.ts';
import type { Probe, ProbeDraft } from '../../bench/probe.ts';
import type { Trace } from '../../bench/trace.ts';
import { InvalidProbeError } from '../../errors.ts';
import { containsAnswer, normalizeForMatch } from '../../bench/answer-match.ts';

export type { ProbeDraft } from '../../bench/probe.ts';

/** Every string a message carries (content strings, text blocks, tool results, call arguments). */
function collectStrings(value: JsonValue, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) collectStrings(item, out);
}

/** The text of one message: all its string values, newline-joined. */
export function messageText(message: JsonObject): string {
  const out: string[] = [];
  collectStrings(message, out);
  return out.join('\n');
}

/** The messages of a trace, in order. */
export function traceMessages(trace: Trace): JsonObject[] {
  return trace.events.flatMap((event) => (event.type === 'message' ? [event.message] : []));
}

/** Everything a model could read in the trace: request fields and every message's strings. */
function traceText(trace: Trace): string {
  return JSON.stringify(trace.header.request) + '\n' + traceMessages(trace).map(messageText).join('\n');
}

/** The first candidate that occurs nowhere in the trace (request fields included). */
export function firstAbsent(trace: Trace, candidates: readonly string[]): string {
  const haystack = traceText(trace);
  const absent = candidates.find((candidate) => !haystack.includes(candidate));
  if (absent === undefined)
    throw new InvalidProbeError(trace.header.source.file, null, null, 'every negative candidate occurs in the trace');
  return absent;
}

/** Turns drafts into probes for `trace`, refusing any whose verbatim answer is not in its turn. */
export function writeProbes(trace: Trace, drafts: readonly ProbeDraft[]): Probe[] {
  const messages = traceMessages(trace);
  const everything = traceText(trace);
  return drafts.map((draft) => {
    const evidence = messages[draft.turn];
    const id = `${trace.header.id}/${draft.name}`;
    if (evidence === undefined)
      throw new InvalidProbeError(trace.header.source.file, null, id, `no message ${draft.turn}`);
    // Found the way the bench's scorer finds answers: whole token runs, white space folded.
    const text = normalizeForMatch(messageText(evidence));
    const verbatim = draft.kind !== 'negative' && draft.liveOnly !== true;
    if (verbatim && !draft.answers.some((answer) => containsAnswer(text, answer))) {
      throw new InvalidProbeError(trace.header.source.file, null, id, `no answer occurs in message ${draft.turn}`);
    }
    if (draft.kind === 'negative' && draft.answers.some((answer) => everything.includes(answer))) {
      throw new InvalidProbeError(trace.header.source.file, null, id, 'a negative answer occurs in the trace');
    }
    return {
      trace: trace.header.id,
      id,
      question: draft.question,
      answers: draft.answers.slice(),
      kind: draft.kind,
      evidence: { turn: draft.turn },
      ...(draft.liveOnly === true ? { live_only: true } : {}),
    };
  });
}
