import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { pythonFrames } from '../compressors/traceback/python-frames.ts';
import { readSwebenchIssues } from '../suites/corpus/swebench-issues.ts';
import { tokenSize } from '../tokenize/token-size.ts';
import { blockRouting } from './block-routing.ts';
import { compressBlock } from './compress-block.ts';
import { createEngine } from './create-engine.ts';

const dir = path.join(environment.sharedDir, 'corpus', 'swebench-issues');

describe.skipIf(!existsSync(dir))('a traceback pasted without its header', () => {
  it('reads as code, and the engine hands it to the traceback compressor, every frame kept', async () => {
    const setup = await createEngine({ profile: 'balanced' });
    const issues = await readSwebenchIssues(dir, 'swebench_lite_dev.json');
    // Issue bodies whose frames, pasted without `Traceback (most recent call last):`, detection reads as code.
    const pasted = issues.filter((issue) =>
      (setup.detect(issue.body).sections ?? []).some(
        (section) =>
          section.kind === 'code' && pythonFrames(issue.body.slice(section.start, section.end).split('\n')).length >= 3,
      ),
    );
    expect(pasted.length).toBeGreaterThanOrEqual(1);
    for (const { body } of pasted) {
      const outcome = compressBlock(
        body,
        undefined,
        tokenSize(body, setup.ruler),
        blockRouting(setup, { conversation: '' }),
      );
      expect(outcome.state === 'compressed' ? outcome.compressor : outcome.state).toMatch(/traceback/);
      const out = outcome.state === 'compressed' ? outcome.text : '';
      // A directory most frames share is said once (`$P/`): each frame keeps its file's name, line and function.
      for (const frame of pythonFrames(body.split('\n')))
        expect(out).toContain(`${path.basename(frame.path)}:${frame.lineNumber} in ${frame.name}`);
    }
  });
});
