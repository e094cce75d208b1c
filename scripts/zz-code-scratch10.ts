import { createCodeCompressor, prepareCodeGrammars } from '../src/compressors/code/code-compressor.ts';
import { sourceFilesUnder } from '../src/compressors/code/real-source-files.ts';
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';
await prepareCodeGrammars();
const c = createCodeCompressor();
const ruler = createTokenRuler('o200k_base');
const files = sourceFilesUnder('node_modules').filter(f => f.language === 'javascript' || f.language === 'typescript');
const t0 = performance.now(); let bytes = 0;
for (const f of files) { bytes += f.text.length; c.compress({ text: f.text, kind: 'code', language: f.language }, { profile: 'balanced', ruler, conversation: '' }); }
console.log((bytes / 1e3 / (performance.now() - t0)).toFixed(2), 'MB/s');
