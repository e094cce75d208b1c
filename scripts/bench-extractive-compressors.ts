/**
 * Prints token reductions per profile of the log, search and text compressors on real inputs
 * (loghub, agent grep outputs, ripgrep over node_modules, SWE-bench issues, package markdown), and
 * the time a one-million-line log takes through detection and the log compressor.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { environment } from '../src/config.ts';
import type { Compressor } from '../src/compressors/compressor.ts';
import { logCompressor } from '../src/compressors/log/log-compressor.ts';
import { searchCompressor } from '../src/compressors/search/search-compressor.ts';
import { textCompressor } from '../src/compressors/text/text-compressor.ts';
import { detectContent } from '../src/detect/detect-content.ts';
import { labelledBlocks } from '../src/detect/labelled-blocks.ts';
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';
import type { ContentKind, Profile } from '../src/types.ts';

const ruler = createTokenRuler(environment.tokenizer);
const PROFILES: readonly Profile[] = ['lossless', 'balanced', 'aggressive'];
const blocks = labelledBlocks(environment.sharedDir, environment.projectRoot);
const loghub = path.join(environment.sharedDir, 'corpus', 'loghub');
// Whole 2,000-line loghub files: folding pays off over a whole log, not a 100-line chunk.
const logs = existsSync(loghub)
  ? readdirSync(loghub)
      .sort()
      .map((system) => path.join(loghub, system, `${system}_2k.log`))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file, 'utf8'))
  : [];
const textsOf = (kind: ContentKind): string[] =>
  blocks.filter((block) => block.accepted.includes(kind)).map((block) => block.text);
const SUBJECTS: readonly (readonly [Compressor, ContentKind, readonly string[]])[] = [
  [logCompressor, 'log', logs],
  [searchCompressor, 'search', textsOf('search')],
  [textCompressor, 'text', textsOf('text')],
];

if (blocks.length === 0) console.log(`${environment.sharedDir} is absent: only the scale run below`);
console.log(`compressor\tprofile\tblocks\tcompressed\ttokens before\ttokens after\treduction\tms`);
for (const [compressor, kind, inputs] of SUBJECTS) {
  const before = inputs.reduce((sum, text) => sum + ruler.count(text), 0);
  for (const profile of PROFILES) {
    const started = performance.now();
    let after = 0;
    let compressed = 0;
    for (const text of inputs) {
      const result = compressor.compress({ text, kind }, { profile, ruler, conversation: '' });
      if (result !== null) compressed += 1;
      after += ruler.count(result?.text ?? text);
    }
    const reduction = before === 0 ? 0 : 100 * (1 - after / before);
    console.log(
      [
        compressor.name,
        profile,
        inputs.length,
        compressed,
        before,
        after,
        `${reduction.toFixed(1)}%`,
        (performance.now() - started).toFixed(0),
      ].join('\t'),
    );
  }
}

// Scale: a million lines of real-shaped log with varying numbers, one error in the middle.
const lines: string[] = [];
for (let i = 0; i < 1_000_000; i += 1) {
  const second = String(i % 60).padStart(2, '0');
  lines.push(
    i === 500_000
      ? `2015-10-18 18:06:${second},840 ERROR [RMCommunicator Allocator] RMContainerAllocator: ERROR IN CONTACTING RM.`
      : `2015-10-18 18:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${second},${String(i % 1000).padStart(3, '0')} INFO [IPC Server handler ${i % 30} on 62270] TaskAttemptListenerImpl: Progress of TaskAttempt attempt_1445144423722_0020_m_${String(i % 13).padStart(6, '0')}_0 is : 0.${i % 997}`,
  );
}
const big = lines.join('\n');
let started = performance.now();
const detection = detectContent(big);
console.log(
  `\n1,000,000-line log (${(big.length / 1e6).toFixed(0)} MB): detected ${detection.kind} in ${(performance.now() - started).toFixed(0)} ms`,
);
started = performance.now();
const result = logCompressor.compress({ text: big, kind: 'log' }, { profile: 'aggressive', ruler, conversation: '' });
console.log(
  `log compressor (aggressive): ${result === null ? 'null' : `${result.text.split('\n').length} lines out`} in ${(performance.now() - started).toFixed(0)} ms`,
);
