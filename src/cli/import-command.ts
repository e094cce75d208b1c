/** `terse import FILE|- -o OUT.jsonl|- [--force]` */
import { environment } from '../config.ts';
import { loadTrace } from '../bench/importers/load-session.ts';
import { serializeTrace, writeTraceV1 } from '../bench/trace-io.ts';
import { checkNewFile } from './output-target.ts';
import { withInputFile } from './stdin-input.ts';

/** Converts `file` (or stdin) to Trace v1 at `out` (or stdout); an existing `out` only with `force`. */
export async function importCommand(file: string, out: string, force = false): Promise<number> {
  if (out !== '-') checkNewFile(out, force, '--out');
  const trace = await withInputFile(
    file,
    environment.stdinIsTTY,
    'session.jsonl | terse import - -o out.jsonl',
    (input) => loadTrace(input),
  );
  if (out === '-') process.stdout.write(serializeTrace(trace));
  else await writeTraceV1(trace, out);
  // On stderr: stdout may be the trace itself.
  process.stderr.write(`${trace.header.id}: ${trace.header.source.format} -> ${out === '-' ? 'stdout' : out}\n`);
  return 0;
}
