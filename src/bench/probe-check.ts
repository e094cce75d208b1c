/** `terse probes check`: every probe names a known trace and its answers are where it says. */
import { InvalidProbeError } from '../errors.ts';
import { canonicalFromBody } from '../engine/request/canonical-request.ts';
import { containsAnswer, normalizeForMatch } from './answer-match.ts';
import type { Probe } from './probe.ts';
import { requestsOf, type Trace } from './trace.ts';

/** A probe and the file it came from, for error messages. */
export interface SourcedProbe {
  readonly probe: Probe;
  readonly file: string;
}

/** Normalised text of the trace's messages up to and including each turn, plus the header parts. */
function rawTextUpTo(trace: Trace): {
  upTo(turn: number): string;
  whole: string;
  messages: number;
  lastCallMessages: number;
} {
  const messages = trace.events.flatMap((e) => (e.type === 'message' ? [e.message] : []));
  let lastCallMessages = 0;
  for (const request of requestsOf(trace)) lastCallMessages = request.messageCount;
  const parts = canonicalFromBody({ ...trace.header.request, messages }, trace.header.provider).parts;
  const header = normalizeForMatch(
    parts
      .filter((p) => p.messageIndex < 0)
      .map((p) => p.text)
      .join('\n'),
  );
  const byMessage: string[] = messages.map(() => '');
  for (const part of parts)
    if (part.messageIndex >= 0) byMessage[part.messageIndex] += `${normalizeForMatch(part.text)}\n`;
  const prefix: string[] = [];
  let acc = header;
  for (const text of byMessage) prefix.push((acc += text));
  return {
    upTo: (turn) => prefix[Math.min(turn, prefix.length - 1)] ?? header,
    whole: acc,
    messages: messages.length,
    lastCallMessages,
  };
}

/** Every problem found, as named errors (empty when all probes check). */
export function checkProbes(probes: readonly SourcedProbe[], traces: readonly Trace[]): InvalidProbeError[] {
  const byId = new Map(traces.map((t) => [t.header.id, t]));
  const texts = new Map<string, ReturnType<typeof rawTextUpTo>>();
  const errors: InvalidProbeError[] = [];
  for (const { probe, file } of probes) {
    const fail = (reason: string) => errors.push(new InvalidProbeError(file, null, probe.id, reason));
    const trace = byId.get(probe.trace);
    if (!trace) {
      fail(`names unknown trace ${probe.trace}`);
      continue;
    }
    let text = texts.get(probe.trace);
    if (!text) texts.set(probe.trace, (text = rawTextUpTo(trace)));
    if (probe.evidence.turn >= text.messages) {
      fail(`evidence turn ${probe.evidence.turn} is past the trace's ${text.messages} messages`);
      continue;
    }
    if (probe.evidence.turn >= text.lastCallMessages) {
      fail(
        `evidence turn ${probe.evidence.turn} is never sent to the model (the last call carries ${text.lastCallMessages} messages)`,
      );
      continue;
    }
    if (probe.kind === 'negative') {
      const found = probe.answers.filter((a) => containsAnswer(text.whole, a));
      if (found.length > 0) fail(`negative answer ${JSON.stringify(found[0])} occurs in trace ${probe.trace}`);
      continue;
    }
    if (probe.live_only) continue;
    const shown = text.upTo(probe.evidence.turn);
    if (!probe.answers.some((a) => containsAnswer(shown, a))) {
      fail(
        `no answer of ${JSON.stringify(probe.answers)} occurs in trace ${probe.trace} up to turn ${probe.evidence.turn}`,
      );
    }
  }
  return errors;
}
