import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidTraceError } from '../../errors.ts';
import { importToTraceV1, loadTrace } from './load-session.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-import-'));

// The reported spellings: a 30-digit integer, an overflowing exponent, a negative zero, and a float written 1.0.
const NUMBERS = '{"n":123456789012345678901234567890,"m":1e400,"k":-0.0,"f":1.0,"e":2.50E+3,"ok":42}';

function request(input: string): string {
  return (
    `{"model":"m","max_tokens":10,"tools":[{"name":"t","input_schema":{"type":"object"},"default":${NUMBERS}}],"messages":[` +
    '{"role":"user","content":"hi"},' +
    `{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"t","input":${input}}]},` +
    '{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"}]}]}'
  );
}

describe('terse import keeps the bytes of fields it does not touch (issue 18)', () => {
  it('writes every number literal as the source spelled it, in the request and in messages', async () => {
    const file = path.join(dir, 'numbers.json');
    writeFileSync(file, request(NUMBERS));
    const out = path.join(dir, 'numbers.jsonl');
    await importToTraceV1(file, out);
    const written = readFileSync(out, 'utf8');
    // Before: 1.2345678901234568e+29, null, 0, 1 and 2500.
    expect(written.split(NUMBERS).length - 1).toBe(2);
    // Imported again, the trace is the same file.
    const again = path.join(dir, 'again.jsonl');
    await importToTraceV1(out, again);
    expect(readFileSync(again, 'utf8')).toBe(written);
  });

  it('leaves a string that looks like a placeholder alone', async () => {
    const file = path.join(dir, 'lookalike.json');
    writeFileSync(file, request('{"s":"\\u0000terse-number:0","n":1e400}'));
    const out = path.join(dir, 'lookalike.jsonl');
    await importToTraceV1(file, out);
    expect(readFileSync(out, 'utf8')).toContain('{"s":"\\u0000terse-number:0","n":1e400}');
  });

  it('replays numbers as numbers (placeholders live only inside an import)', async () => {
    const file = path.join(dir, 'replayed.json');
    writeFileSync(file, request(NUMBERS));
    const trace = await loadTrace(file);
    const event = trace.events[1];
    expect(event?.type === 'message' && JSON.stringify(event.message)).toContain('"ok":42');
    expect(event?.type === 'message' && JSON.stringify(event.message)).not.toContain('terse-number');
  });

  it('blames the input file and field for a tool_use input nested 5,000 levels, never the output', async () => {
    const file = path.join(dir, 'deep.json');
    writeFileSync(file, request(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`));
    const error = await importToTraceV1(file, path.join(dir, 'deep.jsonl')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidTraceError);
    expect((error as InvalidTraceError).file).toBe(file);
    expect((error as InvalidTraceError).message).toMatch(
      /messages\.1\.content\.0\.input.*nested deeper than 1000 levels/,
    );
  });

  it('names the line of a Trace v1 event nested too deep', async () => {
    const file = path.join(dir, 'deep-trace.jsonl');
    const header =
      '{"version":1,"type":"trace","id":"t","workload":"other","provider":"openai","request":{},"source":{"format":"trace-v1","file":"x"}}';
    writeFileSync(
      file,
      `${header}\n{"type":"message","message":{"role":"user","content":${'['.repeat(3000)}${']'.repeat(3000)}}}\n`,
    );
    const error = await loadTrace(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidTraceError);
    expect((error as InvalidTraceError).line).toBe(2);
  });
});
