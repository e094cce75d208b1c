import { readFileSync } from 'node:fs';
import { createGrammarRegistry } from '../src/compressors/code/grammar-registry.ts';
import { LANGUAGE_RULES } from '../src/compressors/code/code-languages.ts';
const reg = createGrammarRegistry(); await reg.prepare(['javascript']);
const l = reg.parserFor('javascript'); if (!l.ok) throw new Error();
const text = readFileSync(process.argv[2]!, 'utf8');
const time = <T,>(label: string, f: () => T): T => { const t0 = performance.now(); const r = f(); console.log(label, (performance.now() - t0).toFixed(1), 'ms'); return r; };
const r = LANGUAGE_RULES.javascript;
for (let i = 0; i < 4; i++) {
  const tree = l.parser.parse(text)!;
  const nodes = time('desc', () => tree.rootNode.descendantsOfType([...r.functionTypes, ...r.classTypes]));
  time('body+named', () => { let k = 0; for (const n of nodes) { const b = n.childForFieldName('body'); if (b) k += b.namedChildren.length; } return k; });
  time('name', () => { for (const n of nodes) { n.childForFieldName('name'); n.parent; } });
  time('rows', () => { let k = 0; for (const n of nodes) { k += n.startPosition.row + n.endPosition.row + n.startIndex + n.endIndex; } return k; });
  console.log(nodes.length);
  tree.delete();
}
