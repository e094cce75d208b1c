/**
 * The property suite over the CLI's compress and retrieve: generated tool-output files of every
 * content kind (clean, damaged, degenerate), as bytes, through `terse compress FILE --json` and
 * `terse retrieve REF`, in process (the commands' own functions; spawning one process a case would
 * spend the budget on start-up). CI runs a fixed seed and count; `npm run fuzz` many more, larger.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { environment } from '../config.ts';
import { InvalidEncodingError } from '../errors.ts';
import { toolOutput, type SizeLimits } from '../testkit/invariants/hostile-arbitraries.ts';
import { contentRef, findMarkers } from '../store/marker.ts';
import { compressCommand, retrieveCommand } from './compress-command.ts';

const long = environment.fuzzRuns !== null;
const RUNS = environment.fuzzRuns ?? 16;
const LIMITS: SizeLimits = long ? { maxRun: 400_000, maxRows: 2_000 } : { maxRun: 20_000, maxRows: 200 };
const params = { seed: environment.fuzzSeed, numRuns: RUNS, endOnFailure: true };

const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-cli-generated-'));
const storeFile = path.join(dir, 'store', 'store.duckdb');
let files = 0;

afterEach(() => {
  vi.restoreAllMocks();
});

/** What a command wrote to standard output, as bytes, and its exit status. */
async function captured(command: () => Promise<number>): Promise<{ status: number; stdout: Buffer }> {
  const chunks: Buffer[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    return true;
  });
  try {
    const status = await command();
    return { status, stdout: Buffer.concat(chunks) };
  } finally {
    spy.mockRestore();
  }
}

function fileOf(bytes: Uint8Array): string {
  const file = path.join(dir, `input-${files++}.txt`);
  writeFileSync(file, bytes);
  return file;
}

interface CompressRecord {
  readonly output: string;
  readonly tokens_before: number;
  readonly tokens_after: number;
  readonly markers: readonly { readonly ref: string }[];
}

async function compressFile(file: string): Promise<CompressRecord> {
  const run = await captured(() =>
    compressCommand({ file, profile: 'balanced', json: true, textModel: null, storeFile }),
  );
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout.toString('utf8')) as CompressRecord;
}

/** A file's bytes: generated output as UTF-8 (a lone surrogate has no UTF-8 form: it is written as U+FFFD), at times after a BOM. */
const utf8File = fc
  .tuple(toolOutput(LIMITS), fc.boolean())
  .map(([text, bom]) =>
    Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]),
  );

/** Byte sequences that are not UTF-8 at their first byte: stray continuation, overlong, surrogate, past U+10FFFF, cut sequences. */
const BAD_BYTES: readonly (readonly number[])[] = [
  [0xff],
  [0xfe, 0xff],
  [0x80],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0xc3],
  [0xf0, 0x9f, 0x98],
];

/** Generated output with one bad sequence put in at a character boundary; `at` is where it starts. */
const damagedFile = fc.tuple(toolOutput(LIMITS), fc.constantFrom(...BAD_BYTES), fc.nat()).map(([text, bad, cut]) => {
  let at = cut % (text.length + 1);
  if (at > 0 && at < text.length && /[\uD800-\uDBFF]/.test(text[at - 1] ?? '')) at++;
  const head = Buffer.from(text.slice(0, at), 'utf8');
  return {
    bytes: Buffer.concat([head, Buffer.from(bad), Buffer.from(text.slice(at), 'utf8')]),
    offset: head.length,
    line: 1 + head.filter((byte) => byte === 0x0a).length,
  };
});

describe(`terse compress and retrieve on generated files (seed ${environment.fuzzSeed}, ${RUNS} cases a property)`, () => {
  it('compresses any UTF-8 file: never larger, the same output twice, and every marker gives back exact bytes of the input', async () => {
    await fc.assert(
      fc.asyncProperty(utf8File, async (bytes) => {
        const file = fileOf(bytes);
        const record = await compressFile(file);
        expect(record.tokens_after).toBeLessThanOrEqual(record.tokens_before);
        expect((await compressFile(file)).output).toBe(record.output);
        const input = bytes.toString('utf8');
        // A marker the input already held (pasted from elsewhere) is plain text: only terse's own are asked for.
        const pasted = new Set(findMarkers(input).map((m) => m.ref));
        for (const { ref } of record.markers.filter((m) => !pasted.has(m.ref))) {
          const back = await captured(() => retrieveCommand(ref, undefined, storeFile));
          expect(back.status, `terse retrieve ${ref}`).toBe(0);
          const original = back.stdout.toString('utf8');
          expect(contentRef(original)).toBe(ref);
          expect(input.includes(original)).toBe(true);
        }
      }),
      params,
    );
  });

  it('refuses a file that is not UTF-8, naming the file, the line and the first bad byte', async () => {
    await fc.assert(
      fc.asyncProperty(damagedFile, async ({ bytes, offset, line }) => {
        const file = fileOf(bytes);
        const error = await compressCommand({
          file,
          profile: 'balanced',
          json: true,
          textModel: null,
          storeFile,
        }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(InvalidEncodingError);
        expect(error).toMatchObject({ file, line, offset });
      }),
      params,
    );
  });
});
