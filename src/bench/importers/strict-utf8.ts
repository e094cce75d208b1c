/** Decoding bytes as UTF-8 without replacement: an invalid byte is a named error, never U+FFFD. */
import { InvalidEncodingError } from '../../errors.ts';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Offset of the first byte where `bytes` stops being UTF-8 (the text decoded leniently re-encodes differently there). */
function firstInvalidByte(bytes: Uint8Array): number {
  const reencoded = Buffer.from(Buffer.from(bytes).toString('utf8'), 'utf8');
  let at = 0;
  while (at < bytes.length && at < reencoded.length && bytes[at] === reencoded[at]) at++;
  return at;
}

/** Where `bytes` sit in their file: the 1-based line of their first byte, and that byte's offset. */
export interface BytesPlace {
  readonly line: number;
  readonly offset: number;
}

/** `bytes` as text; `file` names the input in the error (`(stdin)` for standard input). */
export function decodeUtf8(bytes: Uint8Array, file: string, place: BytesPlace = { line: 1, offset: 0 }): string {
  try {
    return strict.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    let line = place.line;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    throw new InvalidEncodingError(file, line, place.offset + at);
  }
}
