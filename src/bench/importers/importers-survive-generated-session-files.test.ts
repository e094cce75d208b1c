/**
 * The property suite over what `terse import` and `terse replay` read: generated request files and
 * Trace v1 files, clean or damaged (cut, bytes that are not UTF-8, a line nested too deep, lines that
 * are not events, CRLF, a BOM). Every file is either read, and imported again to the same bytes with
 * every number literal kept, or refused with one of terse's named errors; nothing else escapes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { TerseError } from '../../errors.ts';
import { providerRequest, toolOutput, type SizeLimits } from '../../testkit/invariants/hostile-arbitraries.ts';
import { importToTraceV1, loadTrace } from './load-session.ts';
import { decodeUtf8 } from './strict-utf8.ts';

const RUNS = environment.fuzzRuns ?? 20;
const LIMITS: SizeLimits =
  environment.fuzzRuns !== null ? { maxRun: 100_000, maxRows: 500 } : { maxRun: 5_000, maxRows: 60 };
const params = { seed: environment.fuzzSeed, numRuns: RUNS, endOnFailure: true };
const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-fuzz-import-'));
let fileCount = 0;

function writeCase(bytes: Buffer | string, ending: string): string {
  const file = path.join(dir, `case-${fileCount++}${ending}`);
  writeFileSync(file, bytes);
  return file;
}

/** Reads the file the ways the CLI does; a refusal must be a named TerseError. */
async function readOrRefuse(file: string): Promise<'read' | 'refused'> {
  try {
    await loadTrace(file);
    return 'read';
  } catch (error) {
    expect(error, `${String(error)}`).toBeInstanceOf(TerseError);
    expect((error as Error).message).not.toMatch(/\n/);
    return 'refused';
  }
}

/** A Trace v1 file built from generated tool outputs, with number literals in its events. */
const traceText = fc
  .tuple(
    fc.array(toolOutput(LIMITS), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('1e400', '-0.0', '123456789012345678901234567890', '1.0', '7'),
  )
  .map(([outputs, n]) => {
    const lines = [
      '{"version":1,"type":"trace","id":"fuzz","workload":"other","provider":"openai","request":{"model":"m","temperature":' +
        n +
        '},"source":{"format":"trace-v1","file":"x"}}',
    ];
    outputs.forEach((output, i) => {
      lines.push('{"type":"call"}');
      lines.push(
        `{"type":"message","message":{"role":"assistant","content":null,"tool_calls":[{"id":"c${i}","type":"function","function":{"name":"bash","arguments":"{}"}}],"n":${n}}}`,
      );
      lines.push(
        JSON.stringify({ type: 'message', message: { role: 'tool', tool_call_id: `c${i}`, content: output } }),
      );
    });
    lines.push('{"type":"call"}');
    return `${lines.join('\n')}\n`;
  });

/** Ways a file arrives damaged. */
const damage = fc.constantFrom(
  'none',
  'cut',
  'latin1',
  'lone-byte',
  'deep',
  'not-an-event',
  'crlf',
  'bom',
  'blank-lines',
);

function damaged(text: string, how: string, at: number): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const cut = at % (bytes.length + 1);
  switch (how) {
    case 'cut':
      return bytes.subarray(0, cut);
    case 'latin1':
      return Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xe9]), bytes.subarray(cut)]);
    case 'lone-byte':
      return Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xc3, 0x28]), bytes.subarray(cut)]);
    case 'deep':
      return Buffer.from(
        `${text}{"type":"message","message":{"role":"user","content":${'['.repeat(2500)}${']'.repeat(2500)}}}\n`,
      );
    case 'not-an-event':
      return Buffer.from(`${text}[1,2,3]\n"just a string"\n`);
    case 'crlf':
      return Buffer.from(text.replace(/\n/g, '\r\n'));
    case 'bom':
      return Buffer.from(`\uFEFF${text}`);
    case 'blank-lines':
      return Buffer.from(text.replace(/\n/g, '\n\n  \n'));
    default:
      return bytes;
  }
}

describe(`importers on generated files (seed ${environment.fuzzSeed}, ${RUNS} cases a property)`, () => {
  it('read or refuse every Trace v1 file with a named one-line error; what they read imports to the same bytes twice', async () => {
    await fc.assert(
      fc.asyncProperty(traceText, damage, fc.nat(), async (text, how, at) => {
        const file = writeCase(damaged(text, how, at), '.jsonl');
        if ((await readOrRefuse(file)) === 'refused') return;
        const once = `${file}.once.jsonl`;
        const twice = `${file}.twice.jsonl`;
        await importToTraceV1(file, once);
        await importToTraceV1(once, twice);
        const written = readFileSync(once, 'utf8');
        expect(readFileSync(twice, 'utf8')).toBe(written);
        // Numbers the import never touched keep their spelling.
        for (const literal of text.match(/"temperature":[^}]+/g) ?? [])
          if (how === 'none') expect(written).toContain(literal);
      }),
      params,
    );
  });

  it('import a generated request file of either provider keeping every number literal of its tool calls', async () => {
    await fc.assert(
      fc.asyncProperty(providerRequest(LIMITS), async (text) => {
        const file = writeCase(text, '.json');
        if ((await readOrRefuse(file)) === 'refused') return;
        const out = `${file}.jsonl`;
        await importToTraceV1(file, out);
        const written = readFileSync(out, 'utf8');
        // Anthropic inputs are JSON in the file; OpenAI arguments are strings, kept as the same string.
        for (const literal of text.match(/"limit":[^,]+,/g) ?? []) expect(written).toContain(literal);
        for (const literal of text.match(/\\"limit\\":[^,]+,/g) ?? []) expect(written).toContain(literal);
      }),
      params,
    );
  });

  it('decode arbitrary bytes as UTF-8 or name the first byte that is not, never replacing one', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          const text = decodeUtf8(bytes, 'f');
          expect(Buffer.from(text, 'utf8').equals(Buffer.from(bytes))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(TerseError);
          expect(Buffer.from(bytes).toString('utf8')).toContain('\uFFFD');
        }
      }),
      { ...params, numRuns: RUNS * 20 },
    );
  });
});
