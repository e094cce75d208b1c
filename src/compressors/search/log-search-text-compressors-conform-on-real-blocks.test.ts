import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';
import { environment } from '../../config.ts';
import { labelledBlocks } from '../../detect/labelled-blocks.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { ContentKind } from '../../types.ts';
import { logCompressor } from '../log/log-compressor.ts';
import { expectConformingResult } from '../text/conformance-checks.ts';
import { textCompressor } from '../text/text-compressor.ts';
import { searchCompressor } from './search-compressor.ts';

const ruler = createTokenRuler('o200k_base');

describe.skipIf(!existsSync(environment.sharedDir))('log, search and text compressors conform on every real block of their kind', () => {
  const blocks = labelledBlocks(environment.sharedDir, environment.projectRoot);
  const subjects = [[logCompressor, 'log'], [searchCompressor, 'search'], [textCompressor, 'text']] as const;
  for (const [compressor, kind] of subjects) {
    for (const profile of ['lossless', 'balanced', 'aggressive'] as const) {
      it(`${compressor.name} in ${profile}: never larger, deterministic, idempotent, markers resolve`, () => {
        for (const block of blocks.filter((candidate) => candidate.accepted.includes(kind as ContentKind))) {
          expectConformingResult(compressor, block.text, kind, { profile, ruler, conversation: '' });
        }
      });
    }
  }
});
