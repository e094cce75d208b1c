/** Decoding a file's bytes as UTF-8 without replacement: an invalid byte is a named error, never U+FFFD. */
import { InvalidEncodingError } from '../errors.ts';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Offset of the first byte where `bytes` stops being UTF-8 (the text decoded leniently re-encodes differently there). */
function firstInvalidByte(bytes: Uint8Array): number {
  const reencoded = Buffer.from(Buffer.from(bytes).toString('utf8'), 'utf8');
  let at = 0;
  while (at < bytes.length && at < reencoded.length && bytes[at] === reencoded[at]) at++;
  return at;
}

/** `bytes` as text; `file` names the input in the error (`-` for stdin). */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    throw new InvalidEncodingError(file, line, offset);
  }
}
