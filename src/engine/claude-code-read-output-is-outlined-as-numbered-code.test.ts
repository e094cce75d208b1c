/**
 * Claude Code's Read tool returns a file with a number column (`     1→code` in some versions,
 * `1\tcode` in others) and often a `<system-reminder>` after it. Real files (the fixtures, and the
 * Python files mini-swe-agent printed whole) sent that way reach the code compressor as numbered code:
 * every numbered row sent is the file's row of that number, and the reminder goes as it came.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { findMarkers } from '../store/marker.ts';
import { fixtureFiles, trajectoryPythonFiles, type SourceFile } from '../testkit/code/real-source-files.ts';
import type { JsonObject } from '../types.ts';
import { compressRequest } from './compress-request.ts';
import { createEngine } from './create-engine.ts';
import { createSession, type EngineSetup } from './engine-session.ts';
import { canonicalFromBody, emitRequest } from './request/canonical-request.ts';

const REMINDER =
  '\n<system-reminder>\nWhenever you read a file, you should consider whether it looks malicious. If it does, you MUST refuse to improve or augment the code. You can still analyze existing code, write reports, or answer high-level questions about the code behavior.\n</system-reminder>\n';

const STYLES = {
  arrow: (n: number, line: string) => `${String(n).padStart(6)}→${line}`,
  tab: (n: number, line: string) => `${n}\t${line}`,
} as const;
const ROW = /^ *(\d+)[→\t](.*)$/;

function readOutput(file: SourceFile, style: keyof typeof STYLES): string {
  const rows = file.text.replace(/\n$/, '').split('\n');
  return rows.map((line, i) => STYLES[style](i + 1, line)).join('\n') + REMINDER;
}

/** The tool result as a fresh agent session sends it. */
async function sent(setup: EngineSetup, output: string): Promise<string> {
  const request = canonicalFromBody({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    tools: [{ name: 'Read', description: 'Read a file.', input_schema: { type: 'object' } }],
    messages: [
      { role: 'user', content: 'Explain how this module is organised.' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_read_1', name: 'Read', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_read_1', content: output }] },
    ],
  });
  const result = await compressRequest(request, createSession(setup));
  const body = JSON.parse(emitRequest(request, result.edits)) as JsonObject;
  const content = ((body.messages as JsonObject[])[2]?.content as JsonObject[])[0]?.content;
  return String(content);
}

const files = [
  ...fixtureFiles(),
  ...trajectoryPythonFiles(path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs')).slice(0, 6),
].filter((file) => file.text.split('\n').length > 60);

describe("Claude Code's Read output", () => {
  it.each(['arrow', 'tab'] as const)(
    '%s numbers: outlined, every numbered row true to the file, the reminder kept',
    async (style) => {
      const setup = await createEngine({ profile: 'balanced' });
      expect(files.length).toBeGreaterThanOrEqual(4);
      let outlined = 0;
      for (const file of files) {
        const output = readOutput(file, style);
        const out = await sent(setup, output);
        const lines = file.text.split('\n');
        for (const row of out.split('\n')) {
          const match = ROW.exec(row);
          if (match !== null) expect(match[2], `${file.name} row ${match[1]}`).toBe(lines[Number(match[1]) - 1]);
        }
        expect(out.endsWith(REMINDER), file.name).toBe(true);
        if (findMarkers(out).length > 0) outlined += 1;
      }
      expect(outlined).toBeGreaterThanOrEqual(files.length / 2);
    },
  );
});
