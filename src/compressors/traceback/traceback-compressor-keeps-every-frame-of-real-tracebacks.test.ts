import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSwebenchIssues } from '../../suites/corpus/swebench-issues.ts';
import { environment } from '../../config.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { pythonFrames } from './python-frames.ts';
import { tracebackCompressor } from './traceback-compressor.ts';

const dir = path.join(environment.sharedDir, 'corpus', 'swebench-issues');
const ruler = createTokenRuler('o200k_base');
const LIBRARY = /(?:site-packages|dist-packages)\//;

describe.skipIf(!existsSync(dir))('traceback compressor on the tracebacks of real SWE-bench issues', () => {
  const withTracebacks = async (): Promise<string[]> =>
    (await readSwebenchIssues(dir, 'swebench_lite_dev.json'))
      .map((issue) => issue.body)
      .filter((body) => pythonFrames(body.split('\n')).length >= 3);

  it("keeps every frame's file, line and function, in order, and every line that is no frame", async () => {
    const bodies = await withTracebacks();
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const body of bodies) {
      const out =
        expectConformingResult(tracebackCompressor, body, 'log', { profile: 'balanced', ruler, conversation: '' })
          ?.text ?? '';
      const legend = /\(frames as path:line in function: source line(?:; \$P = (\S+))?\)/.exec(out);
      expect(legend).not.toBeNull();
      const alias = legend?.[1];
      const lines = body.split('\n');
      const frames = pythonFrames(lines);
      let from = 0;
      for (const frame of frames) {
        const shown =
          alias !== undefined && frame.path.startsWith(alias) ? `$P/${frame.path.slice(alias.length)}` : frame.path;
        const at = out.indexOf(`${shown}:${frame.lineNumber} in ${frame.name}`, from);
        expect(at, `${frame.path}:${frame.lineNumber}`).toBeGreaterThanOrEqual(from);
        from = at;
      }
      const frameLines = new Set(
        frames.flatMap((frame) => [frame.line, ...(frame.sourceLine === null ? [] : [frame.sourceLine])]),
      );
      const outLines = out.split('\n');
      for (const [index, line] of lines.entries()) if (!frameLines.has(index)) expect(outLines).toContain(line);
    }
  });

  it('keeps the source line of the frames at both ends and of every frame outside installed packages', async () => {
    for (const body of await withTracebacks()) {
      const out =
        tracebackCompressor.compress({ text: body, kind: 'log' }, { profile: 'balanced', ruler, conversation: '' })
          ?.text ?? '';
      const lines = body.split('\n');
      const frames = pythonFrames(lines);
      const last = frames[frames.length - 1];
      for (const frame of [frames[0], last, ...frames.filter((f) => !LIBRARY.test(f.path))]) {
        if (frame === undefined || frame.sourceLine === null) continue;
        expect(out).toContain(`${frame.lineNumber} in ${frame.name}: ${(lines[frame.sourceLine] as string).trim()}`);
      }
    }
  });

  it('saves tokens on long tracebacks, and leaves lossless and short ones alone', async () => {
    const bodies = await withTracebacks();
    const before = bodies.reduce((sum, body) => sum + ruler.count(body), 0);
    const after = bodies.reduce(
      (sum, body) =>
        sum +
        ruler.count(
          tracebackCompressor.compress({ text: body, kind: 'log' }, { profile: 'balanced', ruler, conversation: '' })
            ?.text ?? body,
        ),
      0,
    );
    // The bodies hold prose and code around their tracebacks: the frames alone shrink far more.
    expect(after).toBeLessThan(before * 0.9);
    expect(
      tracebackCompressor.compress(
        { text: bodies[0] ?? '', kind: 'log' },
        { profile: 'lossless', ruler, conversation: '' },
      ),
    ).toBeNull();
    const short =
      'Traceback (most recent call last):\n  File "run.py", line 3, in <module>\n    main()\nValueError: bad';
    expect(
      tracebackCompressor.compress({ text: short, kind: 'log' }, { profile: 'balanced', ruler, conversation: '' }),
    ).toBeNull();
  });
});
