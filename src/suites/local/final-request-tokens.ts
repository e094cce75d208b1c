/** How big a trace is, as the suite's size target counts it: the messages of its last model call. */
import { canonicalFromBody } from '../../engine/request/canonical-request.ts';
import type { TokenRuler } from '../../tokenize/token-ruler.ts';
import type { JsonObject } from '../../types.ts';
import { requestsOf, type Trace } from '../../bench/trace.ts';

/** Tokens of every message part (text, tool inputs, tool results) in the trace's last request. */
export function finalRequestMessageTokens(trace: Trace, ruler: TokenRuler): number {
  let last: JsonObject | null = null;
  for (const request of requestsOf(trace)) last = request.body;
  if (last === null) return 0;
  const parts = canonicalFromBody(last, trace.header.provider).parts;
  return parts.filter((p) => p.messageIndex >= 0).reduce((sum, p) => sum + ruler.count(p.text), 0);
}
