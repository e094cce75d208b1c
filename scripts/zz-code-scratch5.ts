import { readFileSync } from 'node:fs';
import { createGrammarRegistry } from '../src/compressors/code/grammar-registry.ts';
import { createCodeCompressor } from '../src/compressors/code/code-compressor.ts';
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';
const reg = createGrammarRegistry(); await reg.prepare(['javascript']);
const l = reg.parserFor('javascript'); if (!l.ok) throw new Error();
const text = readFileSync(process.argv[2]!, 'utf8');
const time = (label: string, f: () => unknown) => { const t0 = performance.now(); const r = f(); console.log(label, (performance.now() - t0).toFixed(1), 'ms'); return r; };
for (let i = 0; i < 3; i++) {
  time('parse', () => l.parser.parse(text)!.delete());
  const ruler = createTokenRuler('o200k_base');
  time('count', () => ruler.count(text));
  const c = createCodeCompressor({ registry: reg });
  time('compress(all)', () => c.compress({ text, kind: 'code', language: 'javascript' }, { profile: 'balanced', ruler: createTokenRuler('o200k_base'), conversation: '' }));
  time('compress(cached ruler)', () => c.compress({ text, kind: 'code', language: 'javascript' }, { profile: 'balanced', ruler, conversation: '' }));
}
console.log(text.length);
