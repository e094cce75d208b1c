import { readFileSync } from 'node:fs';
import { createGrammarRegistry } from '../src/compressors/code/grammar-registry.ts';
const reg = createGrammarRegistry(); await reg.prepare(['cpp']);
const l = reg.parserFor('cpp'); if (!l.ok) throw new Error();
const t = l.parser.parse(readFileSync('node_modules/node-addon-api/napi.h', 'utf8'))!;
let n = t.rootNode;
for (let i = 0; i < 6; i++) { console.log(n.type, n.startPosition.row, n.hasError, n.isError, n.isMissing, n.childCount, n.children.filter(c => c.hasError).map(c => c.type + '@' + c.startPosition.row).slice(0,5)); const c = n.children.find(c => c.hasError); if (!c) break; n = c; }
console.log(t.rootNode.descendantsOfType('ERROR').slice(0,3).map(e => e.startPosition.row));
