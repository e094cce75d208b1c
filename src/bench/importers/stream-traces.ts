/**
 * The traces of a session file one at a time, as the file is read: each conversation of a format
 * that can hold many (Claude Code sessions split at their compactions), else the file's one trace.
 * What `terse replay` reads, so a session file of any size replays holding one conversation at once.
 */
import { InvalidTraceError } from '../../errors.ts';
import type { Trace } from '../trace.ts';
import { detectImporter, loadTrace } from './load-session.ts';
import type { ImportOptions } from './session-importer.ts';

/** Every trace `file` holds, in order. */
export async function* streamTraces(file: string, options: ImportOptions = {}): AsyncGenerator<Trace> {
  const importer = await detectImporter(file);
  if (importer?.stream === undefined) {
    // loadTrace names what is wrong with a file no importer takes (empty, broken JSON, unknown format).
    yield await loadTrace(file, options);
    return;
  }
  let any = false;
  for await (const trace of importer.stream(file, options)) {
    any = true;
    yield trace;
  }
  if (!any) throw new InvalidTraceError(file, null, 'holds no conversation');
}
