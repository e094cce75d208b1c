import path from 'node:path';
import { codeCompressor, prepareCodeGrammars } from '../src/compressors/code/code-compressor.ts';
import { sourceFilesUnder, trajectoryPythonFiles } from '../src/compressors/code/real-source-files.ts';
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';
import { environment } from '../src/config.ts';
await prepareCodeGrammars();
const ruler = createTokenRuler('o200k_base');
const files = [...sourceFilesUnder('node_modules'), ...trajectoryPythonFiles(path.join(environment.sharedDir, 'corpus/mini-swe-agent-trajs/trajs'))];
const stats = new Map<string, { n: number; ok: number; bytes: number; ms: number; reasons: Map<string, number> }>();
for (const f of files) {
  const s = stats.get(f.language) ?? { n: 0, ok: 0, bytes: 0, ms: 0, reasons: new Map() };
  stats.set(f.language, s);
  const t0 = performance.now();
  const r = codeCompressor.compressWithReason({ text: f.text, kind: 'code', language: f.language }, { profile: 'balanced', ruler, conversation: '' });
  s.ms += performance.now() - t0; s.n++; s.bytes += f.text.length;
  if (r.result) s.ok++;
  const key = (r.reason ?? 'ok').replace(/\d+/g, 'N');
  s.reasons.set(key, (s.reasons.get(key) ?? 0) + 1);
  if (r.reason?.startsWith('outline does not') || r.reason?.startsWith('code outline failed')) console.log('FAIL', f.name, r.reason);
}
for (const [l, s] of stats) console.log(l, s.n, s.ok, (s.bytes / 1e6).toFixed(2) + 'MB', (s.bytes / 1e3 / s.ms).toFixed(2) + 'MB/s', [...s.reasons]);
