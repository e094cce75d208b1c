/**
 * The words a conversation mentions, as the lower-cased cores `must-keep.ts` compares: every
 * content word of its last few thousand characters (what the agent is asking about now) and every
 * identifier-like word of the whole of it.
 */
import { wordCore } from './must-keep.ts';

/** How much of the conversation's end is read word by word: a long session's early turns would otherwise keep everything. */
export const RECENT_CONVERSATION_CHARS = 4_000;
const MAX_CONVERSATION_CHARS = 200_000;
// Function words: mentioning "the" or "which" says nothing about what to keep.
const FUNCTION_WORDS = new Set(
  `a an and are as at be been but by can could did do does for from had has have how i if in into is it its
  me my of on or our so than that the their them then there these they this those to us was we were what when where which who whom
  why will with would you your yes about after all also any because before being both each few more most other over same should
  some such through under until up very get got just like make made may might must now off once out own per let use used using
  please thanks thank here see seems look looks want need know think`.split(/\s+/),
);
/** True for English function words ("the", "which"): mentioning one says nothing about what to keep. */
export function isFunctionWord(core: string): boolean {
  return FUNCTION_WORDS.has(core);
}

const IDENTIFIER_LIKE = /[\d_./:$]|[a-z][A-Z]/;

let lastConversation: string | null = null;
let lastMentions: ReadonlySet<string> = new Set();

/** The cores of the words `conversation` mentions; remembered for the last conversation (a request's blocks share it). */
export function conversationMentions(conversation: string): ReadonlySet<string> {
  if (conversation === lastConversation) return lastMentions;
  const mentions = new Set<string>();
  const whole = conversation.slice(-MAX_CONVERSATION_CHARS);
  const recentFrom = whole.length - RECENT_CONVERSATION_CHARS;
  for (const match of whole.matchAll(/\S+/g)) {
    const core = wordCore(match[0]);
    if (core.length < 3 || FUNCTION_WORDS.has(core)) continue;
    if (match.index >= recentFrom || IDENTIFIER_LIKE.test(match[0])) mentions.add(core);
  }
  lastConversation = conversation;
  lastMentions = mentions;
  return mentions;
}
