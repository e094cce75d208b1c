/** The `json-minify` compressor: compact re-serialisation of JSON and nothing else (the bench's baseline). */
import { fewerTokens } from '../../tokenize/token-size.ts';
import { inputSize, type Compressor } from '../compressor.ts';
import { safeParseJson } from './safe-parse.ts';

/** Lossless: rewrites JSON without insignificant whitespace; null when the text is not JSON or already compact. */
export const jsonMinify: Compressor = {
  name: 'json-minify',
  kinds: ['json'],
  compress(input, context) {
    const parsed = safeParseJson(input.text);
    if (!parsed.ok) return null;
    const text = JSON.stringify(parsed.value);
    if (text === input.text || !fewerTokens(text, inputSize(input, context.ruler), context.ruler)) return null;
    return { text, lossy: false, dropped: [] };
  },
};
