import path from 'node:path';
import { createCodeCompressor, prepareCodeGrammars } from '../src/compressors/code/code-compressor.ts';
import { sourceFilesUnder, trajectoryPythonFiles, fixtureFiles } from '../src/compressors/code/real-source-files.ts';
import { createGrammarRegistry } from '../src/compressors/code/grammar-registry.ts';
import { outlineProblems } from '../src/compressors/code/outline-problems.ts';
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';
await prepareCodeGrammars();
const checker = createGrammarRegistry(); await checker.prepare();
const c = createCodeCompressor();
const ruler = createTokenRuler('o200k_base');
const files = [...sourceFilesUnder('node_modules'), ...trajectoryPythonFiles('/work/shared/corpus/mini-swe-agent-trajs/trajs'), ...fixtureFiles(), ...process.argv.slice(2).flatMap(d => sourceFilesUnder(d))];
let bad = 0, n = 0;
for (const profile of ['balanced', 'aggressive'] as const) for (const f of files) {
  const input = { text: f.text, kind: 'code' as const, language: f.language };
  const r = c.compress(input, { profile, ruler, conversation: '' });
  if (!r) continue;
  n++;
  const p = checker.parserFor(f.language); if (!p.ok) throw 0;
  const probs = outlineProblems(f.text, r.text, p.parser);
  const again = c.compress({ ...input, text: r.text }, { profile, ruler, conversation: '' });
  if (again && again.text !== r.text) probs.push('not idempotent');
  if (probs.length) { bad++; console.log(profile, f.name, probs.slice(0, 2)); }
}
console.log('outlined', n, 'bad', bad);
