/** Streaming a text file line by line, so a 100 MB session is never held as one string. */
import { open, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { TerseError } from '../../errors.ts';
import { pathErrorOf } from './json-document.ts';

/** One line of a file and its 1-based number. */
export interface FileLine {
  readonly text: string;
  readonly number: number;
}

/**
 * The lines of `file` in order. A file that cannot be opened or read is a PathError; errors the
 * caller throws while consuming pass through unchanged.
 */
export async function* fileLines(file: string): AsyncGenerator<FileLine> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw pathErrorOf(file, error);
  }
  const input = handle.createReadStream({ encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of lines) {
      number++;
      yield { text, number };
    }
  } catch (error) {
    if (error instanceof TerseError) throw error;
    throw pathErrorOf(file, error);
  } finally {
    lines.close();
    input.destroy();
  }
}
