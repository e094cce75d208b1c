/** The conversation around a request's blocks, as compressors read it (identifiers it names are kept). */
import type { RequestPart } from '../types.ts';
import type { EngineSession } from './engine-session.ts';

const isConversation = (p: RequestPart): boolean => (p.role === 'user' || p.role === 'assistant') && p.type === 'text' && !p.compressible;

/** What was said around the blocks: the conversation's text parts, joined (extended from the previous request's when it opens with the same parts). */
export function conversationOf(parts: readonly RequestPart[], session: EngineSession): string {
  const said = parts.filter(isConversation);
  const last = conversations.get(session);
  let from = 0;
  if (last !== undefined && last.said.length <= said.length) {
    while (from < last.said.length && said[from] === last.said[from]) from++;
    if (from < last.said.length) from = 0;
  }
  const texts = said.slice(from).map((p) => p.text);
  const text = from > 0 && last !== undefined ? (texts.length === 0 ? last.text : `${last.text}\n${texts.join('\n')}`) : texts.join('\n');
  conversations.set(session, { said, text });
  return text;
}

const conversations = new WeakMap<EngineSession, { readonly said: readonly RequestPart[]; readonly text: string }>();
