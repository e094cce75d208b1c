/** The one interface every session-format importer implements, and what they share. */
import path from 'node:path';
import type { JsonObject, Provider } from '../../types.ts';
import type { NumberLiterals } from './number-literals.ts';
import { TRACE_VERSION, type Trace, type TraceEvent, type TraceHeader, type Workload } from '../trace.ts';

/** Options of an import. */
export interface ImportOptions {
  /** Workload the trace belongs to. @default the file's own header, else "other" */
  readonly workload?: Workload;
  /** Number literals to keep byte for byte (`terse import`); absent, numbers are parsed as numbers. */
  readonly numbers?: NumberLiterals;
}

/** Reads one foreign session format into a Trace v1. */
export interface SessionImporter {
  /** Format name, recorded as `source.format` (`trace-v1`, `mini-swe-agent`...). */
  readonly name: string;
  /** True when the first ~64 KB of a file (`head`) look like this format. Never reads the file. */
  sniff(head: string, file: string): boolean;
  /** Reads the whole file; bad content is an InvalidTraceError naming file and line. */
  load(file: string, options: ImportOptions): Promise<Trace>;
  /**
   * The conversations the file holds, one trace each, yielded as the file is read, for formats
   * where one file can hold many (a session compacted again and again). Absent: `load`'s one trace.
   */
  stream?(file: string, options: ImportOptions): AsyncGenerator<Trace>;
}

const TRACE_ID_SUFFIXES = ['.traj.json', '.traj', '.jsonl', '.json'];

/** Trace id from a file name: `django__django-11099.traj.json` -> `django__django-11099`. */
export function traceIdFromFile(file: string): string {
  const name = path.basename(file);
  const suffix = TRACE_ID_SUFFIXES.find((ending) => name.endsWith(ending) && name.length > ending.length);
  return suffix === undefined ? name : name.slice(0, -suffix.length);
}

/** What an importer knows about the trace it built. */
export interface HeaderFields {
  readonly file: string;
  readonly format: string;
  readonly provider: Provider;
  readonly request: JsonObject;
  readonly options: ImportOptions;
}

/** A Trace v1 header for an imported file: id from the file name, workload from the options. */
export function importedHeader(fields: HeaderFields): TraceHeader {
  return {
    version: TRACE_VERSION,
    type: 'trace',
    id: traceIdFromFile(fields.file),
    workload: fields.options.workload ?? 'other',
    provider: fields.provider,
    request: fields.request,
    source: { format: fields.format, file: fields.file },
  };
}

/** Builds the event list of a trace: messages in order, a call where the agent called the model. */
export class TraceEventsBuilder {
  readonly events: TraceEvent[] = [];

  /** Appends a message. */
  message(message: JsonObject): void {
    this.events.push({ type: 'message', message });
  }

  /** Appends a call: the model saw every message so far. */
  call(): void {
    this.events.push({ type: 'call' });
  }
}
