/**
 * The html compressor: HTML to readable text with html-to-text. Links stay as `text [url]`; scripts,
 * styles and other non-content elements go; headings keep their case (uppercasing would change the
 * words a reader searches for). The markup is dropped, so this is lossy: the original goes to the
 * store and one marker says so. Lossless profile: null.
 */
import { compile } from 'html-to-text';
import type { CompressContext, CompressInput, CompressResult, Compressor } from '../compressor.ts';
import { MARKER_OPENING } from '../../store/marker.ts';
import { dropInput } from '../lossy-result.ts';

const TAG = /<\/?[A-Za-z][^>]*>/g;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } }));

// Compiled once: html-to-text builds its selector machinery per options object.
const toText = compile({
  wordwrap: false,
  // The whole document, not only <body>: the <title> names the page; scripts and styles are skipped below.
  baseElements: { selectors: [], returnDomByDefault: true },
  selectors: [
    ...HEADINGS,
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false, maxColumnWidth: 1000 } },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'svg', format: 'skip' },
  ],
});

function compressHtml(input: CompressInput, context: CompressContext): CompressResult | null {
  if (context.profile === 'lossless' || input.text.includes(MARKER_OPENING)) return null;
  const tags = input.text.match(TAG)?.length ?? 0;
  if (tags === 0) return null;
  const converted = toText(input.text)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const drop = dropInput(input.text);
  const marker = drop.marker(`HTML converted to text, ${tags} tags and scripts omitted; retrieve with query`);
  const text = converted === '' ? marker : `${converted}\n${marker}`;
  return drop.result(text);
}

/** HTML pages and fragments: readable text with links as `text [url]`, the markup in the store. */
export const htmlCompressor: Compressor = {
  name: 'html',
  kinds: ['html'],
  compress: compressHtml,
};
