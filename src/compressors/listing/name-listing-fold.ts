/**
 * One-name-per-line listings (`ls`, `ls -R`, `find`) and `tree` drawings written one line per directory, and a long
 * recursive listing cut down to the directories that matter (name-listing-render.ts). The marker at
 * the end says how many names of how many directories are hidden and holds the listing as printed.
 */
import type { Profile } from '../../types.ts';
import type { CompressContext, CompressInput, CompressResult } from '../compressor.ts';
import { rewrittenAs } from '../lossy-result.ts';
import { listingMentions } from './listing-mentions.ts';
import { readNameListing } from './name-listing.ts';
import { readTreeListing } from './tree-listing.ts';
import { renderNameListing } from './name-listing-render.ts';

/** Share of a recursive listing's tokens its shown directories may take. */
const SHOWN_SHARE: Record<Exclude<Profile, 'lossless'>, number> = { balanced: 0.4, aggressive: 0.2 };
/** A rewrite must save this many tokens: the marker, and a retrieval a reader may need, cost some. */
const MIN_SAVED_TOKENS = 30;

/** `input` (split into `lines`) with its name listing rewritten, or null when it holds none worth it. */
export function foldNameListing(
  input: CompressInput,
  lines: readonly string[],
  context: CompressContext & { readonly profile: Exclude<Profile, 'lossless'> },
): CompressResult | null {
  const listing = readTreeListing(lines) ?? readNameListing(lines);
  if (listing === null) return null;
  const { ruler } = context;
  const rendered = renderNameListing(lines, listing, listingMentions(context), {
    cost: (line) => ruler.count(line),
    share: SHOWN_SHARE[context.profile],
  });
  const { names, directories, hiddenNames, hiddenDirectories } = rendered;
  const said =
    hiddenDirectories > 0
      ? `${hiddenNames} of ${names} names in ${hiddenDirectories} of ${directories} directories hidden`
      : listing.form === 'flat'
        ? `${names} names printed one a line, joined`
        : listing.form === 'tree'
          ? `${names} names drawn as a tree, written one line per directory`
          : `${names} ${listing.form === 'paths' ? 'paths' : 'names'} printed one a line, written one line per directory`;
  return rewrittenAs(input, rendered.lines, `${said}; the ref holds the listing as printed`, ruler, MIN_SAVED_TOKENS);
}
