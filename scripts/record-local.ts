/**
 * Records the `local` suite: runs every session's real commands over the third-party code npm
 * installed, and writes traces/local/<id>.jsonl with <id>.probes.jsonl.
 *
 *   npx tsx scripts/record-local.ts            record every session
 *   npx tsx scripts/record-local.ts <id>...    record only the named sessions
 */
import path from 'node:path';
import { finalRequestMessageTokens } from '../src/suites/local/final-request-tokens.ts';
import { readTraceV1 } from '../src/bench/trace-io.ts';
import { environment } from '../src/config.ts';
import { createTokenRuler } from '../src/tokenize/token-ruler.ts';
import { recordSession } from './record-local/record-session.ts';
import { RecordingError } from './record-local/recording-error.ts';
import { LOCAL_SESSIONS } from './record-local/sessions/index.ts';
import { tracePaths, writeRecording } from './record-local/write-recording.ts';

const root = environment.projectRoot;
const outDir = path.join(root, 'traces', 'local');
const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !LOCAL_SESSIONS.some((s) => s.id === id));
if (unknown.length > 0)
  throw new RecordingError(
    unknown.join(', '),
    `unknown session (known: ${LOCAL_SESSIONS.map((s) => s.id).join(', ')})`,
  );

const ruler = createTokenRuler(environment.tokenizer);
let total = 0;
for (const session of LOCAL_SESSIONS) {
  if (wanted.length > 0 && !wanted.includes(session.id)) continue;
  const recording = recordSession(session, root);
  writeRecording(outDir, recording);
  // Counted from the file as written, the way the suite will read it.
  const tokens = finalRequestMessageTokens(await readTraceV1(tracePaths(outDir, session.id).trace), ruler);
  total += tokens;
  const kb = (recording.traceText.length / 1024).toFixed(0);
  const cells = [
    `${recording.outputs.length} steps`,
    `${recording.probes.length} probes`,
    `${tokens} ${ruler.name} tokens`,
    `${kb} KiB`,
  ];
  process.stdout.write(`${session.id.padEnd(48)} ${cells.map((c) => c.padStart(24)).join('')}\n`);
}
process.stdout.write(`${'total'.padEnd(48)} ${`${total} ${ruler.name} tokens`.padStart(72)}\n`);
