import path from 'node:path';
import { createCodeCompressor, prepareCodeGrammars } from '../src/compressors/code/code-compressor.ts';
import { sourceFilesUnder } from '../src/compressors/code/real-source-files.ts';
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';
await prepareCodeGrammars();
const c = createCodeCompressor();
const ruler = createTokenRuler('o200k_base');
const profile = (process.argv[2] ?? 'balanced') as 'balanced';
const rows: [number, string, string][] = [];
for (const f of sourceFilesUnder('node_modules')) {
  if (f.language !== (process.argv[3] ?? 'typescript')) continue;
  if (f.text.split('\n').length < 200) continue;
  const r = c.compressWithReason({ text: f.text, kind: 'code', language: f.language }, { profile, ruler, conversation: '' });
  rows.push([r.result ? 1 - ruler.count(r.result.text) / ruler.count(f.text) : 0, f.name, r.reason ?? '']);
}
rows.sort((a, b) => a[0] - b[0]);
const m = rows.filter(r => r[0] > 0);
console.log('median outlined', m[Math.floor(m.length / 2)]![0], 'n', m.length, 'all', rows.length);
for (const r of rows.filter((_, i) => i % 12 === 0)) console.log(r[0].toFixed(2), r[1], r[2]);
