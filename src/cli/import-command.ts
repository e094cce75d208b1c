/** `terse import FILE -o OUT.jsonl` */
import { importToTraceV1 } from '../bench/importers/load-session.ts';

export async function importCommand(file: string, out: string): Promise<number> {
  const trace = await importToTraceV1(file, out);
  process.stdout.write(`${trace.header.id}: ${trace.header.source.format} -> ${out}\n`);
  return 0;
}
