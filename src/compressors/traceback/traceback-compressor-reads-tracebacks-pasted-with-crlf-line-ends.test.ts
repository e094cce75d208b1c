import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { pythonFrames } from './python-frames.ts';
import { tracebackCompressor } from './traceback-compressor.ts';

const trajectories = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const ruler = createTokenRuler('o200k_base');
const CRLF_FRAME = /^\s*File "[^"]+", line \d+, in .*\r$/;

/** The task statements (an issue pasted with its CRLF line ends) that hold a traceback's frames. */
function crlfStatements(): { name: string; text: string }[] {
  if (!existsSync(trajectories)) return [];
  return readdirSync(trajectories)
    .filter((file) => file.endsWith('.traj.json'))
    .sort()
    .flatMap((file) => {
      const [, task] = (
        JSON.parse(readFileSync(path.join(trajectories, file), 'utf8')) as { messages: { content: unknown }[] }
      ).messages;
      const text = task?.content;
      return typeof text === 'string' && text.split('\n').filter((line) => CRLF_FRAME.test(line)).length >= 3
        ? [{ name: file, text }]
        : [];
    });
}

describe.skipIf(crlfStatements().length === 0)('traceback compressor on tracebacks pasted with CRLF line ends', () => {
  const statements = crlfStatements();

  it('reads every frame, with no carriage return in its function name', () => {
    for (const { name, text } of statements) {
      const lines = text.split('\n');
      const frames = pythonFrames(lines);
      expect(
        frames.map((frame) => frame.line),
        name,
      ).toEqual(lines.flatMap((line, index) => (CRLF_FRAME.test(line) ? [index] : [])));
      for (const frame of frames) expect(frame.name, name).not.toMatch(/\r/);
    }
  });

  it('writes each frame on one line that ends as the frame ended, and keeps every other line as printed', () => {
    for (const { name, text } of statements) {
      const out = expectConformingResult(tracebackCompressor, text, 'text', {
        profile: 'balanced',
        ruler,
        conversation: '',
      })?.text;
      expect(out, name).toBeDefined();
      const outLines = (out as string).split('\n');
      const lines = text.split('\n');
      for (const frame of pythonFrames(lines)) {
        const written = outLines.find((line) => line.includes(`:${frame.lineNumber} in ${frame.name}`));
        expect(written, `${name}: ${frame.path}:${frame.lineNumber}`).toMatch(/\r$/);
      }
      const frameLines = new Set(pythonFrames(lines).flatMap((frame) => [frame.line, frame.sourceLine]));
      for (const [index, line] of lines.entries()) if (!frameLines.has(index)) expect(outLines, name).toContain(line);
      expect(ruler.count(out as string), name).toBeLessThan(ruler.count(text));
    }
  });
});
