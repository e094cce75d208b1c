/** The conversation around a request's blocks, as compressors read it (identifiers it names are kept). */
import type { RequestPart } from '../types.ts';
import type { ConversationText } from './block-routing.ts';
import type { EngineSession } from './engine-session.ts';

const isConversation = (p: RequestPart): boolean =>
  (p.role === 'user' || p.role === 'assistant') && p.type === 'text' && !p.compressible;

/** The latest turn: the text parts of the last message that has any. */
function latestOf(said: readonly RequestPart[]): string {
  const last = said[said.length - 1];
  if (last === undefined) return '';
  let from = said.length - 1;
  while (from > 0 && (said[from - 1] as RequestPart).messageIndex === last.messageIndex) from--;
  return said
    .slice(from)
    .map((p) => p.text)
    .join('\n');
}

/**
 * What was said around the blocks: the conversation's text parts, joined (extended from the previous
 * request's when it opens with the same parts), and its latest turn (what asked for the newest blocks).
 */
export function conversationOf(parts: readonly RequestPart[], session: EngineSession): ConversationText {
  const said = parts.filter(isConversation);
  const last = conversations.get(session);
  let from = 0;
  if (last !== undefined && last.said.length <= said.length) {
    while (from < last.said.length && said[from] === last.said[from]) from++;
    if (from < last.said.length) from = 0;
  }
  const texts = said.slice(from).map((p) => p.text);
  const text =
    from > 0 && last !== undefined
      ? texts.length === 0
        ? last.text
        : `${last.text}\n${texts.join('\n')}`
      : texts.join('\n');
  conversations.set(session, { said, text });
  return { conversation: text, latest: latestOf(said) };
}

const conversations = new WeakMap<EngineSession, { readonly said: readonly RequestPart[]; readonly text: string }>();
