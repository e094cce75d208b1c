/** Prints detection accuracy and the confusion table over real labelled blocks (needs ../shared). */
import { environment } from '../src/config.ts';
import { labelledBlocks } from '../src/detect/labelled-blocks.ts';
import { measureDetection } from '../src/detect/detection-accuracy.ts';

const blocks = labelledBlocks(environment.sharedDir, environment.projectRoot);
if (blocks.length === 0) {
  console.log(`no labelled blocks: ${environment.sharedDir} is absent`);
} else {
  const started = performance.now();
  const result = measureDetection(blocks);
  const elapsed = performance.now() - started;
  const kinds = [...new Set(Object.values(result.confusion).flatMap((row) => Object.keys(row)))].sort();
  console.log(
    `blocks ${result.total}  accuracy ${((100 * result.correct) / result.total).toFixed(1)}%  ` +
      `language ${result.languageCorrect}/${result.languageTotal}  ${elapsed.toFixed(0)} ms`,
  );
  console.log(['label \\ detected', ...kinds].join('\t'));
  for (const [label, row] of Object.entries(result.confusion).sort()) {
    console.log([label, ...kinds.map((kind) => String(row[kind] ?? 0))].join('\t'));
  }
  for (const miss of result.misses) console.log(`miss ${miss.id}: ${miss.accepted.join('|')} -> ${miss.detected}`);
}
