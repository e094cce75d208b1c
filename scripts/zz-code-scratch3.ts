import { codeCompressor, prepareCodeGrammars } from '../src/compressors/code/code-compressor.ts';
import { sourceFilesUnder } from '../src/compressors/code/real-source-files.ts';
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';
await prepareCodeGrammars();
const ruler = createTokenRuler('o200k_base');
for (const f of sourceFilesUnder('node_modules').filter((f) => f.language === 'cpp')) {
  const r = codeCompressor.compressWithReason({ text: f.text, kind: 'code', language: f.language }, { profile: 'balanced', ruler, conversation: '' });
  const m = /line (\d+)/.exec(r.reason ?? '');
  console.log(f.name, f.text.split('\n').length, r.reason, m ? JSON.stringify(f.text.split('\n')[Number(m[1]) - 1]) : '');
}
