/** `-` as a file argument: stdin, read whole; refused when stdin is a terminal nobody is typing into. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import { decodeUtf8 } from '../bench/importers/strict-utf8.ts';

/** The whole of stdin, strictly UTF-8 (bytes that are not are an InvalidEncodingError, never U+FFFD); a terminal is refused at once. */
export async function readStdin(stdinIsTTY: boolean, usage: string): Promise<string> {
  if (stdinIsTTY) throw new UsageError('-', `stdin is a terminal; give a file, or pipe into it (${usage})`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decodeUtf8(Buffer.concat(chunks), '(stdin)');
}

/**
 * Runs `body` with a file path for `file`: the file itself, or for `-` a temporary copy of stdin
 * (importers sniff and read files), removed afterwards.
 */
export async function withInputFile<T>(
  file: string,
  stdinIsTTY: boolean,
  usage: string,
  body: (file: string) => Promise<T>,
): Promise<T> {
  if (file !== '-') return body(file);
  const text = await readStdin(stdinIsTTY, usage);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'terse-stdin-'));
  try {
    const copy = path.join(dir, 'stdin');
    await writeFile(copy, text);
    return await body(copy);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
