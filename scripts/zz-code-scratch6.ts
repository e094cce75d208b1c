import { readFileSync } from 'node:fs';
import { createGrammarRegistry } from '../src/compressors/code/grammar-registry.ts';
import { planElisions } from '../src/compressors/code/plan-elisions.ts';
import { renderOutline } from '../src/compressors/code/render-outline.ts';
import { SourceLines } from '../src/compressors/code/source-lines.ts';
import { LANGUAGE_RULES } from '../src/compressors/code/code-languages.ts';
import { OUTLINE_PROFILES } from '../src/compressors/code/code-compressor.ts';
const reg = createGrammarRegistry(); await reg.prepare(['javascript']);
const l = reg.parserFor('javascript'); if (!l.ok) throw new Error();
const text = readFileSync(process.argv[2]!, 'utf8');
const time = <T,>(label: string, f: () => T): T => { const t0 = performance.now(); const r = f(); console.log(label, (performance.now() - t0).toFixed(1), 'ms'); return r; };
for (let i = 0; i < 4; i++) {
  const tree = time('parse', () => l.parser.parse(text)!);
  const lines = time('lines', () => new SourceLines(text));
  const regions = time('plan', () => planElisions(tree.rootNode, lines, LANGUAGE_RULES.javascript, OUTLINE_PROFILES.balanced, new Set()));
  const out = time('render', () => renderOutline(lines, regions, '0123456789abcdef', LANGUAGE_RULES.javascript));
  time('reparse', () => l.parser.parse(out)!.delete());
  tree.delete();
  console.log('---', out.length);
}
