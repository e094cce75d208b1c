import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { InvalidTraceError, PathError, UnknownFormatError } from '../../errors.ts';
import { serializeTrace } from '../trace-io.ts';
import { collectTraceFiles, detectImporter, importToTraceV1, loadTrace, SESSION_IMPORTERS } from './load-session.ts';
import { traceIdFromFile } from './session-importer.ts';

const shared = environment.sharedDir;
const headroom = path.join(shared, 'reference', 'headroom-workloads');
const miniTrajs = path.join(shared, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const sweTrajs = path.join(shared, 'corpus', 'swe-agent-trajs');
const claudeFixture = path.join(import.meta.dirname, '__fixtures__', 'claude-code-todo-app.jsonl');
const ALL_FORMATS = [
  'trace-v1',
  'claude-code-session',
  'mini-swe-agent',
  'swe-agent',
  'openai-request',
  'anthropic-request',
];

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'terse-load-session-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function temp(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
}

describe('trace id', () => {
  it('is the file name without .traj.json, .traj, .jsonl or .json', () => {
    expect(traceIdFromFile('/x/django__django-11099.traj.json')).toBe('django__django-11099');
    expect(traceIdFromFile('sre-seed0.json')).toBe('sre-seed0');
    expect(traceIdFromFile('a/b/pydicom__pydicom-1458.traj')).toBe('pydicom__pydicom-1458');
    expect(traceIdFromFile('fe5e1c67-53e7-4862-81ae-d0e013e3270b.jsonl')).toBe('fe5e1c67-53e7-4862-81ae-d0e013e3270b');
    expect(traceIdFromFile('notes.txt')).toBe('notes.txt');
  });
});

describe('format detection', () => {
  it('asks the importers in a fixed order that covers every format', () => {
    expect(SESSION_IMPORTERS.map((importer) => importer.name)).toEqual(ALL_FORMATS);
  });

  it('recognises the real Claude Code session', async () => {
    expect((await detectImporter(claudeFixture))?.name).toBe('claude-code-session');
  });

  it('recognises a Claude Code session whose first record is longer than the 64 KB it sniffs', async () => {
    const lines = readFileSync(claudeFixture, 'utf8').split('\n').slice(1);
    const first = JSON.parse(lines[0] ?? '') as { message: { content: string } };
    first.message.content = 'pasted log line\n'.repeat(5000);
    lines[0] = JSON.stringify(first);
    const file = await temp('long-first-record.jsonl', lines.join('\n'));
    expect((await detectImporter(file))?.name).toBe('claude-code-session');
    // The next record is the command's isMeta expansion: consecutive user records become one message.
    const [opening] = (await loadTrace(file)).events;
    expect(opening?.type === 'message' && opening.message.content).toEqual([
      { type: 'text', text: first.message.content },
      expect.objectContaining({ type: 'text' }),
    ]);
  });

  it.skipIf(!existsSync(headroom))('tells Anthropic from OpenAI requests by content, not by file name', async () => {
    for (const name of readdirSync(headroom).filter((entry) => entry.endsWith('.json'))) {
      const expected = name === 'code-search-100.json' ? 'anthropic-request' : 'openai-request';
      expect((await detectImporter(path.join(headroom, name)))?.name, name).toBe(expected);
      // Renamed, the same content is still recognised.
      const renamed = await temp(
        `renamed-${name.startsWith('code') ? 'sre' : 'code-search'}.json`,
        readFileSync(path.join(headroom, name), 'utf8'),
      );
      expect((await detectImporter(renamed))?.name, name).toBe(expected);
    }
  });

  it.skipIf(!existsSync(miniTrajs))('recognises every mini-swe-agent trajectory', async () => {
    for (const name of readdirSync(miniTrajs))
      expect((await detectImporter(path.join(miniTrajs, name)))?.name, name).toBe('mini-swe-agent');
  });

  it.skipIf(!existsSync(sweTrajs))('recognises every SWE-agent trajectory, default and function-calling', async () => {
    for (const name of readdirSync(sweTrajs).filter((entry) => entry.endsWith('.json'))) {
      expect((await detectImporter(path.join(sweTrajs, name)))?.name, name).toBe('swe-agent');
    }
  });
});

describe('Trace v1 round trip of imported sessions', () => {
  it('writes an imported Claude Code session and reads back the identical trace', async () => {
    const out = path.join(dir, 'claude.v1.jsonl');
    const imported = await importToTraceV1(claudeFixture, out, { workload: 'exploration' });
    expect((await detectImporter(out))?.name).toBe('trace-v1');
    const again = await loadTrace(out);
    expect(again).toEqual(imported);
    expect(await readFile(out, 'utf8')).toBe(serializeTrace(imported));
  });

  it.skipIf(!existsSync(miniTrajs))(
    'writes an imported mini-swe-agent trajectory and reads back the identical trace',
    async () => {
      const out = path.join(dir, 'sphinx.v1.jsonl');
      const imported = await importToTraceV1(path.join(miniTrajs, 'sphinx-doc__sphinx-9229.traj.json'), out);
      const again = await loadTrace(out);
      expect(again).toEqual(imported);
      expect(again.header.source.format).toBe('mini-swe-agent');
      expect(again.header.id).toBe('sphinx-doc__sphinx-9229');
    },
  );

  it('lets an explicit workload override the one in a trace header', async () => {
    const out = path.join(dir, 'claude-override.v1.jsonl');
    await importToTraceV1(claudeFixture, out, { workload: 'sre' });
    expect((await loadTrace(out)).header.workload).toBe('sre');
    expect((await loadTrace(out, { workload: 'issue-triage' })).header.workload).toBe('issue-triage');
  });
});

describe('bad input', () => {
  it('names the line where a JSON document breaks', async () => {
    const lines = JSON.stringify(
      { model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] },
      null,
      1,
    ).split('\n');
    lines[5] = lines[5]?.replace('"role"', '"role" "') ?? '';
    const file = await temp('broken-request.json', lines.join('\n'));
    const error = await failure(loadTrace(file));
    expect(error).toBeInstanceOf(InvalidTraceError);
    expect((error as InvalidTraceError).line).toBe(6);
  });

  it.skipIf(!existsSync(miniTrajs))('names the line where a real trajectory was corrupted', async () => {
    const lines = readFileSync(path.join(miniTrajs, 'django__django-11099.traj.json'), 'utf8').split('\n');
    lines[40] = `${lines[40] ?? ''} oops`;
    const error = await failure(loadTrace(await temp('corrupt.traj.json', lines.join('\n'))));
    expect(error).toBeInstanceOf(InvalidTraceError);
    expect((error as InvalidTraceError).line).toBe(41);
  });

  it('names the broken line of a JSONL session', async () => {
    const lines = readFileSync(claudeFixture, 'utf8').split('\n');
    lines[9] = '{"parentUuid":';
    const error = await failure(loadTrace(await temp('broken-session.jsonl', lines.join('\n'))));
    expect(error).toBeInstanceOf(InvalidTraceError);
    expect((error as InvalidTraceError).line).toBe(10);
  });

  it('lists the formats it tried when none fits', async () => {
    for (const text of ['hello: world\n', '{"hello": "world"}\n{"again": 1}\n', '{\n  "rows": [1, 2, 3]\n}\n']) {
      const error = await failure(loadTrace(await temp('unknown.json', text)));
      expect(error).toBeInstanceOf(UnknownFormatError);
      expect((error as UnknownFormatError).tried).toEqual(ALL_FORMATS);
    }
  });

  it('rejects an empty file', async () => {
    for (const text of ['', '\n  \n']) {
      const error = await failure(loadTrace(await temp('empty.jsonl', text)));
      expect(error).toBeInstanceOf(InvalidTraceError);
      expect(error).toMatchObject({ line: null, reason: 'empty file' });
    }
  });

  it('reports a missing path as a PathError', async () => {
    const missing = path.join(dir, 'no-such-trace.jsonl');
    expect(await failure(loadTrace(missing))).toBeInstanceOf(PathError);
    const error = await failure(collectTraceFiles([missing]));
    expect(error).toBeInstanceOf(PathError);
    expect(error).toMatchObject({ path: missing, reason: 'no such file or directory' });
  });
});

describe('collecting trace files', () => {
  it('expands folders recursively into sorted trace files, skipping probes and other files', async () => {
    const root = path.join(dir, 'suite');
    await temp('suite/b.jsonl', '');
    await temp('suite/a.traj.json', '');
    await temp('suite/nested/c.traj', '');
    await temp('suite/nested/d.json', '');
    await temp('suite/trace-probes.jsonl', '');
    await temp('suite/probes.jsonl', '');
    await temp('suite/README.md', '');
    const single = await temp('single.jsonl', '');
    const files = await collectTraceFiles([single, root]);
    expect(files).toEqual([
      single,
      path.join(root, 'a.traj.json'),
      path.join(root, 'b.jsonl'),
      path.join(root, 'nested', 'c.traj'),
      path.join(root, 'nested', 'd.json'),
    ]);
  });
});
