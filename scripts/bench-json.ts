/**
 * Prints the json compressors' token reduction per profile on each reference request's tool results
 * (needs ../shared), and p50 compress times for 1,000- and 10,000-item log arrays.
 */
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';
import { jsonCompressor } from '../src/compressors/json/json-compressor.ts';
import { jsonMinify } from '../src/compressors/json/json-minify.ts';
import { readReferenceToolResults } from '../src/testkit/json/reference-tool-results.ts';
import type { Compressor } from '../src/compressors/compressor.ts';
import type { Profile } from '../src/types.ts';

const ruler = createTokenRuler('o200k_base');
const contenders: { label: string; compressor: Compressor; profile: Profile }[] = [
  { label: 'json-minify', compressor: jsonMinify, profile: 'lossless' },
  { label: 'json lossless', compressor: jsonCompressor, profile: 'lossless' },
  { label: 'json balanced', compressor: jsonCompressor, profile: 'balanced' },
  { label: 'json aggressive', compressor: jsonCompressor, profile: 'aggressive' },
];

const results = readReferenceToolResults();
const files = [...new Set(results.map((result) => result.name.split('#')[0] as string))];
console.log(
  `tokenizer ${ruler.name}; node ${process.version}; ${results.length} tool results in ${files.length} files`,
);
console.log(['file', 'tokens before', ...contenders.map((contender) => contender.label)].join('\t'));
const totals = contenders.map(() => 0);
let totalBefore = 0;
for (const file of files) {
  const own = results.filter((result) => result.name.startsWith(`${file}#`));
  const before = own.reduce((sum, result) => sum + ruler.count(result.text), 0);
  totalBefore += before;
  const cells = contenders.map((contender, index) => {
    const after = own.reduce((sum, result) => {
      const output = contender.compressor.compress(
        { text: result.text, kind: 'json' },
        { profile: contender.profile, ruler, conversation: result.conversation },
      );
      return sum + ruler.count(output?.text ?? result.text);
    }, 0);
    totals[index] = (totals[index] ?? 0) + after;
    return `${after} (-${(100 * (1 - after / before)).toFixed(1)}%)`;
  });
  console.log([file, String(before), ...cells].join('\t'));
}
if (totalBefore > 0) {
  console.log(
    [
      'all',
      String(totalBefore),
      ...totals.map((after) => `${after} (-${(100 * (1 - after / totalBefore)).toFixed(1)}%)`),
    ].join('\t'),
  );
}

const levels = ['INFO', 'INFO', 'DEBUG', 'INFO', 'WARN', 'INFO', 'INFO', 'DEBUG', 'INFO', 'ERROR'];
function logArray(count: number): string {
  const entries = Array.from({ length: count }, (_, index) => ({
    timestamp: new Date(Date.UTC(2024, 0, 15, 10, 0, index)).toISOString(),
    level:
      index % 97 === 0 ? 'ERROR' : levels[index % levels.length] === 'ERROR' ? 'INFO' : levels[index % levels.length],
    service: `svc-${index % 7}`,
    message: `Request ${index} processed in ${20 + ((index * 31) % 50)} ms`,
    trace_id: ((index * 2654435761) % 2 ** 32).toString(16).padStart(8, '0'),
    metadata: { host: `pod-${index % 13}`, region: index % 2 === 0 ? 'us-east-1' : 'eu-west-1' },
  }));
  return JSON.stringify({ total: count, entries }, null, 2);
}

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

for (const count of [1_000, 10_000]) {
  const text = logArray(count);
  for (const profile of ['lossless', 'balanced'] as const) {
    const warm: number[] = [];
    const cold: number[] = [];
    const own: number[] = [];
    const runs = count === 1_000 ? 21 : 7;
    for (let run = 0; run < runs; run += 1) {
      // Cold: the ruler counts input and output; warm: the engine has counted the input already (it always does).
      const coldRuler = createTokenRuler('o200k_base');
      let started = performance.now();
      jsonCompressor.compress({ text, kind: 'json' }, { profile, ruler: coldRuler, conversation: '' });
      cold.push(performance.now() - started);
      const warmRuler = createTokenRuler('o200k_base');
      warmRuler.count(text);
      started = performance.now();
      jsonCompressor.compress({ text, kind: 'json' }, { profile, ruler: warmRuler, conversation: '' });
      warm.push(performance.now() - started);
      // Again with the same ruler: both counts are cached, so this is the compressor's own work.
      started = performance.now();
      jsonCompressor.compress({ text, kind: 'json' }, { profile, ruler: warmRuler, conversation: '' });
      own.push(performance.now() - started);
    }
    console.log(
      `${count} items, ${profile}: p50 ${p50(own).toFixed(1)} ms compressing, ${p50(warm).toFixed(1)} ms with the output counted, ` +
        `${p50(cold).toFixed(1)} ms counting input too (n=${runs}, ${text.length} chars)`,
    );
  }
}
