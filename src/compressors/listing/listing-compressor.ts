/**
 * The listing compressor: directory listings as tools print them. `ls -l` has its shared columns said
 * once (long-listing-fold.ts); listings of one name a line (`ls`, `ls -R`, `find`) are written one
 * line per directory, and a long recursive one shows the directories the conversation points at and
 * the shallowest others, each run of hidden ones counted by directories and file extensions
 * (name-listing-fold.ts). Lines that are no part of a listing (a tool's wrapper) stay as they were.
 * Lossless returns null: every rewrite leaves a marker holding the listing as printed.
 */
import {
  lossyProfileFor,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { foldLongListing } from './long-listing-fold.ts';
import { foldNameListing } from './name-listing-fold.ts';

function compressListing(input: CompressInput, context: CompressContext): CompressResult | null {
  const profile = lossyProfileFor(input, context);
  if (profile === null) return null;
  const lines = input.text.split('\n');
  return foldLongListing(input.text, lines) ?? foldNameListing(input, lines, { ...context, profile });
}

/** Directory listings: `ls -l` columns folded, one-name-a-line listings one line per directory, long trees cut to what matters. */
export const listingCompressor: Compressor = {
  name: 'listing',
  kinds: ['text'],
  compress: compressListing,
};
