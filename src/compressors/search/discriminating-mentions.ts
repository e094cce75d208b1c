/**
 * Which search hits mention what the conversation talks about, among terms that tell hits apart: a
 * term in most of the matches is what the agent searched for (`grep -r "alias of"`: every hit holds
 * it), so it marks no hit as worth keeping. Terms in at most half of the matches still do.
 */
import { conversationTerms, mentionsAny } from '../text/conversation-terms.ts';
import type { SearchFile } from './search-output.ts';

/** A term in more than this share of the matches says nothing about any one of them. */
const MAX_TERM_SHARE = 0.5;
/** With fewer matches than this, every mentioned term counts: there is too little to compare. */
const MIN_MATCHES = 4;

/** The mention test for these hits: conversation terms that stand in at most half of the matches. */
export function discriminatingMentions(
  files: readonly SearchFile[],
  conversation: string,
): (content: string) => boolean {
  const terms = conversationTerms(conversation);
  if (terms.length === 0) return () => false;
  const matches = files.flatMap((file) => file.hits.filter((hit) => !hit.context).map((hit) => hit.content));
  if (matches.length < MIN_MATCHES) return mentionsAny(terms);
  const mentioning = mentionsAny(terms);
  const telling = terms.filter((term) => {
    let count = 0;
    for (const content of matches)
      if (content.includes(term) && ++count > MAX_TERM_SHARE * matches.length) return false;
    return true;
  });
  // Only lines some term marks are searched term by term: most hits mention nothing at all.
  const tells = mentionsAny(telling);
  return (content) => mentioning(content) && tells(content);
}
