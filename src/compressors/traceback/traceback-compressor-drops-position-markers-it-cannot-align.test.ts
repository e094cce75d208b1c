/**
 * Python 3.11+ prints `^^^^` under a frame's source line to point at the failing expression. Once the
 * source moves onto its frame's line (`path:N in name: source`) those carets point at nothing, so they
 * go with the marker; the caret under a SyntaxError's line, which is no frame, stays. Read on the real
 * tracebacks of mini-swe-agent's matplotlib-26208 and xarray-4356 sessions.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { pythonFrames } from './python-frames.ts';
import { tracebackCompressor } from './traceback-compressor.ts';

const trajs = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const ruler = createTokenRuler('o200k_base');
const CARETS = /^\s*[~^]+\s*$/;

function outputsWithCarets(name: string): string[] {
  const file = path.join(trajs, name);
  if (!existsSync(file)) return [];
  const messages = (JSON.parse(readFileSync(file, 'utf8')) as { messages: { content: unknown }[] }).messages;
  return messages
    .map((m) => (typeof m.content === 'string' ? m.content : ''))
    .filter((text) => text.split('\n').some((line) => CARETS.test(line)));
}

const matplotlib = outputsWithCarets('matplotlib__matplotlib-26208.traj.json');
const xarray = outputsWithCarets('pydata__xarray-4356.traj.json');

describe.skipIf(matplotlib.length === 0 || xarray.length === 0)('traceback compressor on Python 3.11 carets', () => {
  it("drops the carets under frames' source lines, keeping every frame in order and every other line", () => {
    const text = matplotlib.find((t) => pythonFrames(t.split('\n')).length >= 10) ?? '';
    const lines = text.split('\n');
    const frames = pythonFrames(lines);
    expect(frames.filter((f) => f.positionLine !== null).length).toBeGreaterThanOrEqual(3);
    const out =
      expectConformingResult(tracebackCompressor, text, 'log', { profile: 'balanced', ruler, conversation: '' })
        ?.text ?? '';
    expect(out.split('\n').filter((line) => CARETS.test(line))).toEqual([]);
    const alias = /\(frames as path:line in function: source line(?:; \$P = (\S+))?\)/.exec(out)?.[1];
    let from = 0;
    for (const frame of frames) {
      const shown =
        alias !== undefined && frame.path.startsWith(alias) ? `$P/${frame.path.slice(alias.length)}` : frame.path;
      const at = out.indexOf(`${shown}:${frame.lineNumber} in ${frame.name}`, from);
      expect(at, `${frame.path}:${frame.lineNumber}`).toBeGreaterThanOrEqual(from);
      from = at;
    }
    const frameLines = new Set(frames.flatMap((f) => [f.line, f.sourceLine, f.positionLine].filter((i) => i !== null)));
    const outLines = out.split('\n');
    for (const [index, line] of lines.entries()) if (!frameLines.has(index)) expect(outLines).toContain(line);
    expect(out).toMatch(/\d+ position marker lines \(\^\^\^\) left out/);
  });

  it("keeps the caret under a SyntaxError's line, which is no frame", () => {
    const text = xarray.find((t) => t.includes('SyntaxError')) ?? '';
    const caret = text.split('\n').find((line) => CARETS.test(line));
    expect(caret).toBeDefined();
    const out =
      tracebackCompressor.compress({ text, kind: 'log' }, { profile: 'balanced', ruler, conversation: '' })?.text ??
      text;
    expect(out.split('\n')).toContain(caret);
  });
});
