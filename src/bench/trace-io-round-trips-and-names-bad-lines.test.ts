import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidTraceError, PathError } from '../errors.ts';
import { loadTrace } from './importers/load-session.ts';
import { readTraceV1, serializeTrace, writeTraceV1 } from './trace-io.ts';
import type { Trace } from './trace.ts';

const fixture = path.join(import.meta.dirname, 'importers', '__fixtures__', 'claude-code-todo-app.jsonl');
let dir = '';
let trace: Trace;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'terse-trace-io-'));
  trace = await loadTrace(fixture, { workload: 'exploration' });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function traceFile(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

async function invalid(file: string): Promise<InvalidTraceError> {
  const error: unknown = await readTraceV1(file).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InvalidTraceError);
  return error as InvalidTraceError;
}

const HEADER =
  '{"version":1,"type":"trace","id":"t","workload":"sre","provider":"openai","request":{"model":"m"},"source":{"format":"trace-v1","file":"x"}}';

describe('Trace v1 file I/O', () => {
  it('writes the header first, one JSON object per line, with a trailing newline', () => {
    const text = serializeTrace(trace);
    const lines = text.split('\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(lines.at(-1)).toBe('');
    expect(
      lines[0]?.startsWith('{"version":1,"type":"trace","id":"claude-code-todo-app","workload":"exploration"'),
    ).toBe(true);
    expect(lines.length - 2).toBe(trace.events.length);
    for (const line of lines.slice(1, -1))
      expect(['message', 'call']).toContain((JSON.parse(line) as { type: string }).type);
  });

  it('reads back exactly what it wrote, byte for byte', async () => {
    const file = path.join(dir, 'round-trip.jsonl');
    await writeTraceV1(trace, file);
    const again = await readTraceV1(file);
    expect(again).toEqual(trace);
    expect(await readFile(file, 'utf8')).toBe(serializeTrace(trace));
    expect((await readdir(dir)).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('ignores blank lines but still counts them when naming a line', async () => {
    const file = await traceFile(
      'blank.jsonl',
      `\n${HEADER}\n\n{"type":"message","message":{"role":"user","content":"hi"}}\n\n{"type":"call"}\n`,
    );
    const read = await readTraceV1(file);
    expect(read.header.id).toBe('t');
    expect(read.events).toEqual([{ type: 'message', message: { role: 'user', content: 'hi' } }, { type: 'call' }]);
    const broken = await traceFile('blank-broken.jsonl', `\n${HEADER}\n\n{"type":"message","message":{"role":"user"\n`);
    expect((await invalid(broken)).line).toBe(4);
  });

  it('names the line of malformed JSON', async () => {
    const file = await traceFile(
      'malformed.jsonl',
      `${HEADER}\n{"type":"call"}\n{"type":"message","message":{"role":"user","content":"x"}\n{"type":"call"}\n`,
    );
    const error = await invalid(file);
    expect(error.file).toBe(file);
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/malformed JSON/);
  });

  it('rejects an empty file', async () => {
    const error = await invalid(await traceFile('empty.jsonl', ''));
    expect(error.line).toBeNull();
    expect(error.reason).toBe('empty file');
  });

  it('rejects a header of another version, type, workload or provider, on line 1', async () => {
    const bad = [
      HEADER.replace('"version":1', '"version":2'),
      HEADER.replace('"type":"trace"', '"type":"probe"'),
      HEADER.replace('"workload":"sre"', '"workload":"chat"'),
      HEADER.replace('"provider":"openai"', '"provider":"gemini"'),
      HEADER.replace('"id":"t"', '"id":7'),
      HEADER.replace('"request":{"model":"m"}', '"request":[]'),
      HEADER.replace('"source":{"format":"trace-v1","file":"x"}', '"source":"x"'),
    ];
    for (const [index, header] of bad.entries()) {
      const error = await invalid(await traceFile(`header-${index}.jsonl`, `${header}\n{"type":"call"}\n`));
      expect(error.line).toBe(1);
    }
  });

  it('rejects an event that is neither a message with a role nor a call', async () => {
    const unknown = await invalid(await traceFile('event.jsonl', `${HEADER}\n{"type":"call"}\n{"type":"tool"}\n`));
    expect(unknown.line).toBe(3);
    const roleless = await invalid(
      await traceFile('roleless.jsonl', `${HEADER}\n{"type":"message","message":{"content":"x"}}\n`),
    );
    expect(roleless.line).toBe(2);
  });

  it('reports a missing file as a PathError', async () => {
    await expect(readTraceV1(path.join(dir, 'nope.jsonl'))).rejects.toBeInstanceOf(PathError);
  });

  it('leaves nothing behind when the target folder does not exist', async () => {
    const target = path.join(dir, 'missing-folder', 'out.jsonl');
    await expect(writeTraceV1(trace, target)).rejects.toBeInstanceOf(PathError);
    expect(existsSync(path.dirname(target))).toBe(false);
  });
});
