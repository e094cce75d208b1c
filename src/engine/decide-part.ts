/**
 * The outcome of one compressible part of a request: decided by an earlier request of the session (by
 * content), passed when it sits in a prefix sent before without a decision, or decided now (a repeat of
 * what the session sent, else routed to the compressors, whose result then points at the runs the
 * session already sent; the user's own words only where they are machine output).
 */
import type { RequestPart } from '../types.ts';
import { RETRIEVE_TOOL_NAME } from '../retrieve/retrieve-tool.ts';
import { tokenSize } from '../tokenize/token-size.ts';
import type { BlockOutcome } from './block-outcome.ts';
import type { BlockRouting } from './block-routing.ts';
import { decideBlock } from './decide-block.ts';
import type { EngineSession } from './engine-session.ts';
import { decideRepeat } from './repeats/decide-repeat.ts';
import { pointAtRepeats } from './repeats/point-at-repeats.ts';
import { contentKey } from './routed-parts.ts';
import { userWordsRouting } from './user-words-routing.ts';

/** The outcome of a compressible part: the one decided before, or decided now. */
export async function decidePart(
  part: RequestPart,
  session: EngineSession,
  routing: () => BlockRouting,
  prefixEnd: number,
  isUserWords: (part: RequestPart) => boolean,
): Promise<{ outcome: BlockOutcome; fresh: boolean }> {
  const { setup } = session;
  // What terse_retrieve returned is an original the model asked to see whole: its content is a block
  // sent compressed before, so it is neither looked up nor remembered by content (decideBlock passes it).
  if (part.toolName === RETRIEVE_TOOL_NAME)
    return {
      outcome: await decideBlock(
        part.text,
        part.toolName,
        tokenSize(part.text, setup.ruler),
        setup,
        routing(),
        session.store,
      ),
      fresh: true,
    };
  const key = contentKey(part.text);
  const known = session.decided.get(key);
  if (known) return { outcome: known, fresh: false };
  let outcome: BlockOutcome;
  if (part.messageIndex >= 0 && part.messageIndex < prefixEnd) {
    // Sent before without a decision (a session joined midway): rewriting it would bust the prompt cache.
    outcome = { state: 'passed', kind: null, reason: 'cached-prefix', ms: 0 };
  } else {
    // Only user text can be the user's words: the request's parts are read for it then.
    const userWords = part.role === 'user' && part.type === 'text' && isUserWords(part);
    outcome =
      (await decideRepeat(part, session)) ??
      (await pointAtRepeats(
        await decideBlock(
          part.text,
          part.toolName,
          tokenSize(part.text, setup.ruler),
          setup,
          userWords ? userWordsRouting(routing()) : routing(),
          session.store,
        ),
        part.text,
        session,
      ));
    if (userWords && outcome.state === 'passed' && (outcome.reason === 'no-gain' || outcome.reason === 'no-compressor'))
      outcome = { ...outcome, reason: 'user-words' };
  }
  if (outcome.state === 'failed') session.failures++;
  session.decided.set(key, outcome);
  return { outcome, fresh: true };
}
