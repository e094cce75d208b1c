import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidTraceError } from '../../errors.ts';
import type { JsonObject } from '../../types.ts';
import { claudeCodeImporter } from './claude-code-importer.ts';

const fixture = path.join(import.meta.dirname, '__fixtures__', 'claude-code-todo-app.jsonl');
const records = readFileSync(fixture, 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line) as JsonObject);
const blockTypes = (message: JsonObject | undefined) =>
  Array.isArray(message?.content)
    ? message.content.map((block) => (block as JsonObject).type)
    : typeof message?.content;

describe('Claude Code session importer, on a real session', () => {
  it('merges the lines of one assistant message (same message.id) into one message, after one call', async () => {
    const trace = await claudeCodeImporter.load(fixture, {});
    const shape = trace.events.map((event) =>
      event.type === 'call' ? 'call' : `${String(event.message.role)}:${String(blockTypes(event.message))}`,
    );
    expect(shape).toEqual([
      'user:text,text',
      'call',
      'assistant:text,tool_use,tool_use',
      'user:tool_result,tool_result',
      'call',
      'assistant:text,tool_use',
      'user:tool_result',
      'call',
      'assistant:text,tool_use,tool_use,tool_use',
    ]);
  });

  it('has one call per distinct assistant message id of the main conversation', async () => {
    const trace = await claudeCodeImporter.load(fixture, {});
    const mainIds = new Set(
      records.filter((r) => r.type === 'assistant' && r.isSidechain !== true).map((r) => (r.message as JsonObject).id),
    );
    expect(trace.events.filter((event) => event.type === 'call')).toHaveLength(mainIds.size);
  });

  it('keeps content blocks byte for byte and drops what the API never saw (ids, usage, sidechains, summaries)', async () => {
    const trace = await claudeCodeImporter.load(fixture, {});
    const messages = trace.events.flatMap((event) => (event.type === 'message' ? [event.message] : []));
    const firstAssistant = messages[1];
    const sourceBlocks = records
      .filter((r) => r.type === 'assistant' && (r.message as JsonObject).id === 'msg_0175yHhPUPFGbabUiDkdjvaD')
      .flatMap((r) => (r.message as JsonObject).content as JsonObject[]);
    expect(firstAssistant).toEqual({ role: 'assistant', content: sourceBlocks });
    const text = JSON.stringify(messages);
    expect(text).not.toContain('msg_01D7CvbTWM1jEQFhTh5GVtuN');
    expect(text).not.toContain('Empty Repo Setup');
    expect(text).not.toContain('"usage"');
    expect(trace.header).toMatchObject({
      provider: 'anthropic',
      request: { model: 'claude-sonnet-4-20250514' },
      id: 'claude-code-todo-app',
    });
  });

  it('names the line of a broken record', async () => {
    const temp = await mkdtemp(path.join(tmpdir(), 'terse-claude-code-'));
    try {
      const lines = readFileSync(fixture, 'utf8').split('\n');
      lines[4] = lines[4]?.slice(0, 200) ?? '';
      const file = path.join(temp, 'broken.jsonl');
      await writeFile(file, lines.join('\n'));
      const error: unknown = await claudeCodeImporter.load(file, {}).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidTraceError);
      expect((error as InvalidTraceError).line).toBe(5);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  });
});
