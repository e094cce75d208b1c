/** Streaming a text file line by line, so a 100 MB session is never held as one string. */
import { open, type FileHandle } from 'node:fs/promises';
import { TerseError } from '../../errors.ts';
import { pathErrorOf } from './json-document.ts';
import { decodeUtf8 } from './strict-utf8.ts';

/** One line of a file and its 1-based number. */
export interface FileLine {
  readonly text: string;
  readonly number: number;
}

/**
 * The lines of `file` in order (`\n` ends a line, a `\r` before it is dropped). A file that cannot be
 * opened or read is a PathError; a line that is not UTF-8 an InvalidEncodingError naming it (a
 * replaced character would be a silent change); errors the caller throws pass through unchanged.
 */
export async function* fileLines(file: string): AsyncGenerator<FileLine> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw pathErrorOf(file, error);
  }
  const input = handle.createReadStream();
  let number = 0;
  // Bytes of the line being read, across chunks; decoded once the line ends.
  let pending: Buffer[] = [];
  let offset = 0;
  let lineStart = 0;
  const lineOf = (bytes: Buffer): FileLine => {
    number++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    return { text: decodeUtf8(bytes.subarray(0, end), file, { line: number, offset: lineStart }), number };
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let from = 0;
      for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, from)) {
        pending.push(chunk.subarray(from, at));
        yield lineOf(pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending));
        pending = [];
        lineStart = offset + at + 1;
        from = at + 1;
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
      offset += chunk.length;
    }
    if (pending.length > 0) yield lineOf(Buffer.concat(pending));
  } catch (error) {
    if (error instanceof TerseError) throw error;
    throw pathErrorOf(file, error);
  } finally {
    input.destroy();
  }
}
