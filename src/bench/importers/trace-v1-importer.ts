/** Trace v1 JSONL, terse's own format: read as is. */
import { readTraceV1 } from '../trace-io.ts';
import type { ImportOptions, SessionImporter } from './session-importer.ts';

const HEADER_START = /^\s*\{\s*"version"\s*:\s*1\s*,\s*"type"\s*:\s*"trace"/;

/** Reads files written by `writeTraceV1`. */
export const traceV1Importer: SessionImporter = {
  name: 'trace-v1',
  sniff(head) {
    if (HEADER_START.test(head)) return true;
    const firstLine = head.trimStart().split('\n', 1)[0] ?? '';
    try {
      const value: unknown = JSON.parse(firstLine);
      return (
        typeof value === 'object' &&
        value !== null &&
        'version' in value &&
        'type' in value &&
        value.version === 1 &&
        value.type === 'trace'
      );
    } catch {
      return false;
    }
  },
  async load(file: string, options: ImportOptions) {
    const trace = await readTraceV1(file, options.numbers);
    if (options.workload === undefined || options.workload === trace.header.workload) return trace;
    return { header: { ...trace.header, workload: options.workload }, events: trace.events };
  },
};
